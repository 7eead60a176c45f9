package org.serverlessloyalty.points;

import java.time.Duration;
import java.util.function.Supplier;
import org.serverlessloyalty.points.level.LevelPorts;
import org.serverlessloyalty.shared.earning.port.EarningRuleRepository;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyStore;
import org.serverlessloyalty.shared.points.port.CustomerTokenSecrets;
import org.serverlessloyalty.shared.points.port.MemberRepository;
import org.serverlessloyalty.shared.points.port.PointsLedger;
import org.serverlessloyalty.shared.points.port.PointsSettingsSource;
import org.serverlessloyalty.shared.referral.port.InvitationRepository;
import org.serverlessloyalty.shared.store.service.StoreAccess;

/**
 * The adapters the points function runs on: built once per instance by the handler's no-arg constructor, or given
 * by a test. The handler builds every service over these.
 *
 * @param cacheTtl how long an instance reuses a store's earning rules ({@code StoreCacheSeconds})
 */
public record PointsPorts(Supplier<String> adminKey, StoreAccess stores, MemberRepository members,
                          CustomerTokenSecrets secrets, Duration tokenLifetime, PointsLedger ledger,
                          PointsSettingsSource settings, IdempotencyStore idempotency,
                          EarningRuleRepository earningRules, InvitationRepository invitations, LevelPorts levels,
                          Duration cacheTtl) {
}
