package org.serverlessloyalty.shared.order.json;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.order.model.OrderLine;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.store.model.StoreCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderReportJsonTest {

    private static OrderReport report(String total) {
        return new OrderReport(new StoreCode("13"), "234567865", OrderSource.CIBLER, OrderStatus.PAID, "guid",
                OffsetDateTime.parse("2021-12-02T15:00:00+10:00"), new BigDecimal(total), new BigDecimal("20.00"),
                BigDecimal.ZERO, null, List.of(CodeValue.of("MANO66")),
                List.of(new OrderLine("5", "Perceuse", 2, "11", "Standard", new BigDecimal("34.00"), null, "0")),
                Map.of("email", "a@b.c", "cookieId", "CIB1"));
    }

    @Test
    void aReportSurvivesTheQueueUnchanged() {
        OrderReport original = report("150");
        OrderReport read = OrderReportJson.read(OrderReportJson.write(original));
        assertThat(OrderReportJson.write(read)).isEqualTo(OrderReportJson.write(original));
        assertThat(read.orderDate()).isEqualTo(original.orderDate());
        assertThat(read.giftCodes()).containsExactly(CodeValue.of("MANO66"));
        assertThat(read.lines().get(0).unitPrice()).isEqualByComparingTo("34");
    }

    @Test
    void oneAmountSpelledThreeWaysHasOneContentHash() {
        assertThat(OrderReportJson.contentHash(report("150.0")))
                .isEqualTo(OrderReportJson.contentHash(report("150")))
                .isEqualTo(OrderReportJson.contentHash(report("150.00")));
        assertThat(OrderReportJson.write(report("150.0"))).contains("\"totalSpent\":150,").doesNotContain("E+");
        String body = OrderReportJson.write(report("150.0")).replace("\"totalSpent\":150,", "\"totalSpent\":150.0,");
        assertThat(OrderReportJson.contentHash(OrderReportJson.read(body)))
                .isEqualTo(OrderReportJson.contentHash(report("150")));
    }

    @Test
    void aDifferentOrderHasADifferentHash() {
        assertThat(OrderReportJson.contentHash(report("150"))).isNotEqualTo(OrderReportJson.contentHash(report("151")));
    }

    @Test
    void aBodyOfAnotherVersionIsRefused() {
        assertThatThrownBy(() -> OrderReportJson.read("{\"v\":2}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderReportJson.read("not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
