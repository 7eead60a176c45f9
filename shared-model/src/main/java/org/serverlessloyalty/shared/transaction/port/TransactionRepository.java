package org.serverlessloyalty.shared.transaction.port;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.transaction.model.Transaction;
import org.serverlessloyalty.shared.transaction.model.TransactionFilter;
import org.serverlessloyalty.shared.transaction.model.TransactionPage;

/** The store's transactions; every read a GetItem or a Query, every uniqueness a conditional write. */
public interface TransactionRepository {

    /**
     * Writes the transaction and the claim on its document number as one transaction (rule T1), with the member's
     * copy when it has its member already.
     *
     * @return false, writing nothing, when the store has a transaction with this document number
     */
    boolean create(StoreCode store, Transaction transaction);

    Optional<Transaction> find(StoreCode store, String transactionId);

    Optional<Transaction> findByDocument(StoreCode store, String documentNumber);

    /**
     * Gives the transaction its member (T4 later, T-5) while it has none, with the member's copy, as one transaction.
     *
     * @return false, writing nothing, when it has a member already
     */
    boolean assign(StoreCode store, Transaction withMember);

    /**
     * Records what earning gave the transaction (once: a second record changes nothing) and the lot that holds it
     * ({@code lotId}, null when nothing was added).
     */
    void recordEarned(StoreCode store, Transaction transaction, BigDecimal points, String lotId);

    /** The id of the lot earning added for the transaction, if any. */
    Optional<String> earnedLot(StoreCode store, String transactionId);

    /** Marks that the sale's pending lot was cancelled whole by a return (section 4 item 9): nothing is left. */
    void recordLotCancelled(StoreCode store, String transactionId);

    boolean lotCancelled(StoreCode store, String transactionId);

    void replaceLabels(StoreCode store, Transaction transaction);

    /** The member's transactions (sells and returns), from their own copies: one Query of their partition. */
    List<Transaction> ofMember(StoreCode store, String memberId);

    /** T-2: newest first. */
    TransactionPage list(StoreCode store, TransactionFilter filter, int page, int perPage);

    /** T-7: every item label key and its values. */
    Map<String, Set<String>> itemLabels(StoreCode store);

    void addItemLabels(StoreCode store, List<Label> labels);
}
