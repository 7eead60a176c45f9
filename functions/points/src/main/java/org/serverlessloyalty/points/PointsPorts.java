package org.serverlessloyalty.points;

import java.time.Duration;
import java.util.function.Supplier;
import org.serverlessloyalty.shared.order.port.ShopBalances;
import org.serverlessloyalty.shared.points.port.CustomerTokenSecrets;
import org.serverlessloyalty.shared.transaction.service.LoyaltyServices;

/**
 * The adapters the points function runs on: built once per instance by the handler's no-arg constructor, or given
 * by a test. The handler builds every service over these.
 *
 * @param loyalty      what members, points, rules, levels and transactions are kept in ({@link LoyaltyServices})
 * @param shopBalances the balances shops report with their orders (CibleR's userBalance), shown in the status
 */
public record PointsPorts(Supplier<String> adminKey, CustomerTokenSecrets secrets, Duration tokenLifetime,
                          LoyaltyServices.Ports loyalty, ShopBalances shopBalances) {
}
