package org.serverlessloyalty.points.tidy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelRepository;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelSettings;
import org.serverlessloyalty.shared.level.service.LevelSettingsCache;
import org.serverlessloyalty.shared.level.service.MemberLevels;
import org.serverlessloyalty.shared.platform.aws.AwsClients;
import org.serverlessloyalty.shared.platform.config.FunctionConfig;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbDueTransfers;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.port.DueTransfers;
import org.serverlessloyalty.shared.points.service.PointsAccounts;
import org.serverlessloyalty.shared.points.service.PointsTidy;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.port.StoreRepository;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionRepository;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionSettings;
import org.serverlessloyalty.shared.transaction.service.MemberTransactionTotals;
import org.serverlessloyalty.shared.transaction.service.TransactionSettingsCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * The points tidy-up (an EventBridge schedule, template parameter PointsTidySchedule; the local stack runs it on the
 * same rate): in every store, each transfer whose stored state time has changed (a lock ended, rule P6; an expiry
 * passed, rule P5) gets the derived state, for lists and exports. Balances, statuses and spends never wait for it
 * (section 4 item 7): they derive the state at their own instant. A run is idempotent, so the schedule's retries and
 * overlapping runs are harmless; a store that fails is reported after the others were tidied.
 *
 * <p>The EventBridge event is taken as a plain map, not {@code ScheduledEvent}: that class needs Joda-Time, which the
 * jars leave out, and nothing in the event matters here (each run tidies what is due at its own instant).
 */
public final class PointsTidyHandler implements RequestHandler<Map<String, Object>, Map<String, Integer>> {

    private static final Logger LOG = LoggerFactory.getLogger(PointsTidyHandler.class);
    /** Stores read per Query of the store list. */
    static final int STORES_PER_PAGE = 100;
    /** Below this much time left, a run stops between stores: the next one finds what it left still due. */
    static final long STOP_WHEN_MILLIS_LEFT = 10_000;

    /** issue 10: h10-levels. Members one run reviews per store (after_x_days); the next run takes the rest. */
    static final int LEVEL_REVIEWS_PER_STORE = 1_000;

    private final StoreRepository stores;
    private final PointsTidy tidy;
    private final BusinessMetrics metrics;
    /** issue 10: h10-levels. The scheduled level review (L3's after_x_days); null leaves it out. */
    private final MemberLevels levels;

    /** Called by Lambda: builds the adapters once per instance. */
    public PointsTidyHandler() {
        this(wiring(), Clock.systemUTC(), BusinessMetrics.forRuntime());
    }

    private PointsTidyHandler(Wiring wiring, Clock clock, BusinessMetrics metrics) {
        this(wiring.stores(), wiring.due(), clock, metrics, wiring.levels());
    }

    private record Wiring(StoreRepository stores, DueTransfers due, MemberLevels levels) {
    }

    private static Wiring wiring() {
        var config = FunctionConfig.fromEnvironment();
        var dynamoDb = AwsClients.dynamoDb();
        Clock clock = Clock.systemUTC();
        return new Wiring(new DynamoDbStoreRepository(dynamoDb, config.tableName()),
                new DynamoDbDueTransfers(dynamoDb, config.tableName()),
                // issue 10: h10-levels
                new MemberLevels(new DynamoDbLevelRepository(dynamoDb, config.tableName()),
                        new LevelSettingsCache(new DynamoDbLevelSettings(dynamoDb, config.tableName()),
                                config.storeCacheTtl(), clock),
                        new PointsAccounts(new DynamoDbPointsLedger(dynamoDb, config.tableName(), clock), clock),
                        // Levels by transactions (L4) read the member's transactions as committed.
                        new MemberTransactionTotals(new DynamoDbTransactionRepository(dynamoDb, config.tableName()),
                                new TransactionSettingsCache(new DynamoDbTransactionSettings(dynamoDb,
                                        config.tableName()), config.storeCacheTtl(), clock)), clock));
    }

    /** With ports: the tests' constructor. */
    public PointsTidyHandler(StoreRepository stores, DueTransfers due, Clock clock, BusinessMetrics metrics) {
        this(stores, due, clock, metrics, null);
    }

    /** With the scheduled level review too (issue 10, h10-levels); {@code levels} null leaves it out. */
    public PointsTidyHandler(StoreRepository stores, DueTransfers due, Clock clock, BusinessMetrics metrics,
                             MemberLevels levels) {
        this.stores = stores;
        this.tidy = new PointsTidy(due, clock);
        this.metrics = metrics;
        this.levels = levels;
    }

    @Override
    public Map<String, Integer> handleRequest(Map<String, Object> event, Context context) {
        return context == null ? run(null) : PowertoolsLogging.withLogging(context, () -> run(context));
    }

    private Map<String, Integer> run(Context context) {
        PointsTidy.Report total = PointsTidy.Report.NONE;
        int storesSeen = 0;
        int failed = 0;
        int levelsReviewed = 0;
        StoreCode after = null;
        while (true) {
            List<Store> page = stores.list(after, STORES_PER_PAGE);
            for (Store store : page) {
                if (context != null && context.getRemainingTimeInMillis() < STOP_WHEN_MILLIS_LEFT) {
                    LOG.warn("Points tidy-up stopped for time; the next run carries on", entry("nextStore", store.code().value()));
                    return report(storesSeen, failed, total);
                }
                storesSeen++;
                try {
                    PointsTidy.Report report = tidy.tidy(store.code());
                    total = total.plus(report);
                    if (report.due() > 0) {
                        LOG.info("Points tidied", entry("store", store.code().value()), entry("due", report.due()),
                                entry("tidied", report.tidied()), entry("changedMeanwhile", report.changedMeanwhile()));
                    }
                    if (levels != null) {
                        int reviewed = levels.reviewDue(new StoreZone(store.code(), store.timezone()),
                                LEVEL_REVIEWS_PER_STORE);
                        levelsReviewed += reviewed;
                        if (reviewed > 0) {
                            LOG.info("Levels reviewed", entry("store", store.code().value()), entry("members", reviewed));
                        }
                    }
                } catch (RuntimeException e) {
                    failed++;
                    LOG.error("Points tidy-up failed for a store; the others go on", entry("store", store.code().value()), e);
                }
            }
            if (page.size() < STORES_PER_PAGE) {
                break;
            }
            after = page.get(page.size() - 1).code();
        }
        metrics.count("PointsTransfersTidied", total.tidied());
        if (levels != null) {
            metrics.count("LevelsReviewed", levelsReviewed);
        }
        if (failed > 0) {
            metrics.count("PointsTidyStoresFailed", failed);
            // An error for the schedule: Lambda's Errors metric and EventBridge's retries (harmless: idempotent).
            throw new IllegalStateException("Points tidy-up failed in " + failed + " of " + storesSeen + " stores");
        }
        return report(storesSeen, failed, total);
    }

    private static Map<String, Integer> report(int stores, int failed, PointsTidy.Report total) {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("stores", stores);
        out.put("storesFailed", failed);
        out.put("due", total.due());
        out.put("tidied", total.tidied());
        out.put("changedMeanwhile", total.changedMeanwhile());
        return out;
    }
}
