package org.serverlessloyalty.shared.campaign.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.PoolCode;

/** How a pool changes: C10 (issued codes stay), A25 append, section 4 item 16 (no duplicates). */
class PoolPlanTest {

    private static final PoolPlan.Pool POOL = new PoolPlan.Pool(
            List.of(new PoolCode(1, "A"), new PoolCode(2, "B"), new PoolCode(3, "C")), Set.of("A"));

    @Test
    void aReplacementLeavingOutIssuedCodesIsRefusedNamingThemC10() {
        assertThat(PoolPlan.replace(POOL, List.of("B", "C")))
                .isEqualTo(new PoolPlan.RemovesIssued(List.of("A")));
        assertThat(new PoolPlan.RemovesIssued(List.of("c10", "c11")).message())
                .isEqualTo("Removing used coupons (c10, c11) is not permitted");
    }

    @Test
    void aReplacementAddsNewCodesAndRemovesOnlyFreeOnes() {
        var decision = (PoolPlan.Planned) PoolPlan.replace(POOL, List.of("A", "C", "D"));
        assertThat(decision.plan().add()).containsExactly("D");
        assertThat(decision.plan().remove()).containsExactly(new PoolCode(2, "B"));
        assertThat(POOL.nextSeq()).isEqualTo(4);
    }

    @Test
    void anAppendOfACodeAlreadyInThePoolIsRefusedEvenAnIssuedOne() {
        assertThat(PoolPlan.append(POOL, List.of("Z", "A"))).isEqualTo(new PoolPlan.Duplicates(List.of("A")));
        assertThat(((PoolPlan.Planned) PoolPlan.append(POOL, List.of("Z"))).plan())
                .isEqualTo(new PoolPlan(List.of("Z"), List.of()));
    }
}
