package org.serverlessloyalty.shared.earning.event.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.earning.event.model.GeoPoint;

/** Rule E13: Open Loyalty's law-of-cosines distance in km, rounded to the metre. */
class GeoDistanceTest {

    private static final GeoPoint RULE = new GeoPoint(50.00, 15.00);

    @Test
    void e13ExampleCustomerIsInsideTheFourKilometreRadius() {
        GeoPoint customer = new GeoPoint(50.013992, 15.046411);
        assertThat(GeoDistance.km(RULE, customer)).isEqualByComparingTo("3.663");
        assertThat(GeoDistance.within(RULE, new BigDecimal("4"), customer)).isTrue();
    }

    @Test
    void e13ExampleFarCustomerIsOutside() {
        assertThat(GeoDistance.within(RULE, new BigDecimal("4"), new GeoPoint(4.01, 5.05))).isFalse();
    }

    @Test
    void samePlaceIsZeroNotNaN() {
        assertThat(GeoDistance.km(new GeoPoint(52.052240, -21.046587), new GeoPoint(52.052240, -21.046587)))
                .isEqualByComparingTo("0");
    }

    @Test
    void oneDegreeOfLatitudeIsAbout111Kilometres() {
        assertThat(GeoDistance.km(new GeoPoint(0, 0), new GeoPoint(1, 0))).isEqualByComparingTo("111.190");
    }
}
