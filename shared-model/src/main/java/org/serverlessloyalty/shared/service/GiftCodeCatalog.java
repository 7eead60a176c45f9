package org.serverlessloyalty.shared.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.serverlessloyalty.shared.model.CodeValue;
import org.serverlessloyalty.shared.model.GiftCode;
import org.serverlessloyalty.shared.model.GiftCodeTerms;
import org.serverlessloyalty.shared.model.StoreCode;
import org.serverlessloyalty.shared.rules.CodeGenerator;
import org.serverlessloyalty.shared.store.AlreadyExistsException;
import org.serverlessloyalty.shared.store.GiftCodeRepository;

/**
 * Creating codes, all or nothing. A request is written in transactions of
 * {@link GiftCodeRepository#MAX_INSERT}; if a later one finds a taken code (a concurrent request
 * won the race) or fails, the earlier ones are deleted again, so a request leaves every code or none.
 */
public final class GiftCodeCatalog {

    public static final int MAX_LISTED = 1_000;
    public static final int MAX_GENERATED = 10_000;
    /** Collisions are astronomically rare at 54+ bits; a few rounds only guard against a bad prefix space. */
    private static final int MAX_COLLISION_ROUNDS = 5;
    /** Drawing a code already drawn in this request is as rare; this bound only stops a tiny code space. */
    private static final int MAX_DRAWS_PER_CODE = 20;

    private final GiftCodeRepository codes;
    private final CodeGenerator generator;
    private final Clock clock;

    public GiftCodeCatalog(GiftCodeRepository codes, CodeGenerator generator, Clock clock) {
        this.codes = codes;
        this.generator = generator;
        this.clock = clock;
    }

    public Optional<GiftCode> find(StoreCode store, CodeValue code) {
        return codes.find(store, code);
    }

    /**
     * Creates the listed codes or none of them.
     *
     * @throws AlreadyExistsException naming every code the store already has
     */
    public List<GiftCode> createListed(StoreCode store, Map<CodeValue, GiftCodeTerms> listed) {
        List<CodeValue> taken = codes.existing(store, listed.keySet());
        if (!taken.isEmpty()) {
            throw new AlreadyExistsException(taken.stream().map(CodeValue::value).toList());
        }
        var now = clock.instant();
        List<GiftCode> all = new ArrayList<>();
        listed.forEach((code, terms) -> all.add(new GiftCode(store, code, terms, 0, now)));
        String batchId = UUID.randomUUID().toString();
        List<CodeValue> written = new ArrayList<>();
        try {
            for (int from = 0; from < all.size(); from += GiftCodeRepository.MAX_INSERT) {
                List<GiftCode> chunk = all.subList(from, Math.min(all.size(), from + GiftCodeRepository.MAX_INSERT));
                List<CodeValue> raced = codes.insertIfAbsent(store, chunk, batchId);
                if (!raced.isEmpty()) {
                    throw new AlreadyExistsException(raced.stream().map(CodeValue::value).toList());
                }
                chunk.forEach(c -> written.add(c.code()));
            }
        } catch (RuntimeException e) {
            codes.deleteBatch(store, written, batchId);
            throw e;
        }
        return all;
    }

    /** Generates {@code count} new codes unique in the store, all sharing {@code terms}. */
    public List<GiftCode> generate(StoreCode store, String prefix, int randomLength, int count, GiftCodeTerms terms) {
        var now = clock.instant();
        String batchId = UUID.randomUUID().toString();
        Set<CodeValue> used = new HashSet<>();
        List<GiftCode> created = new ArrayList<>(count);
        try {
            while (created.size() < count) {
                int size = Math.min(GiftCodeRepository.MAX_INSERT, count - created.size());
                Map<CodeValue, GiftCode> chunk = new LinkedHashMap<>();
                for (int round = 1; ; round++) {
                    for (int draws = 0; chunk.size() < size; draws++) {
                        if (draws > MAX_DRAWS_PER_CODE * size) {
                            throw new IllegalStateException("Prefix " + prefix + " with " + randomLength
                                    + " random characters leaves too few unused codes");
                        }
                        CodeValue candidate = CodeValue.of(generator.next(prefix, randomLength));
                        if (used.add(candidate)) {
                            chunk.put(candidate, new GiftCode(store, candidate, terms, 0, now));
                        }
                    }
                    List<CodeValue> taken = codes.insertIfAbsent(store, List.copyOf(chunk.values()), batchId);
                    if (taken.isEmpty()) {
                        break;
                    }
                    if (round == MAX_COLLISION_ROUNDS) {
                        throw new IllegalStateException("Could not find unused codes for prefix " + prefix
                                + " after " + MAX_COLLISION_ROUNDS + " rounds");
                    }
                    taken.forEach(chunk::remove); // the transaction wrote nothing: draw replacements, retry
                }
                created.addAll(chunk.values());
            }
        } catch (RuntimeException e) {
            codes.deleteBatch(store, created.stream().map(GiftCode::code).toList(), batchId);
            throw e;
        }
        return created;
    }
}
