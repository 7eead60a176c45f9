package org.serverlessloyalty.shared.platform.observability;

import org.slf4j.LoggerFactory;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/** Counts that tell ops what the engine is deciding (CloudWatch metrics on AWS). */
public interface BusinessMetrics {

    /**
     * Adds {@code value} to {@code metric}, split by one low-cardinality dimension besides the function's
     * {@code Service}; a null {@code dimension} leaves {@code Service} as the only one.
     */
    void count(String metric, long value, String dimension, String dimensionValue);

    /**
     * Adds {@code value} to {@code metric} with the function's {@code Service} as its only dimension: what an alarm
     * watches, since a CloudWatch alarm on a metric must name every dimension it was emitted with.
     */
    default void count(String metric, long value) {
        count(metric, value, null, null);
    }

    BusinessMetrics NONE = (metric, value, dimension, dimensionValue) -> { };

    /**
     * Powertools metrics on Lambda; elsewhere (the local stack, tests) a DEBUG log line. Off Lambda
     * the EMF library would look for an EC2 metadata service and a CloudWatch agent to send to.
     */
    static BusinessMetrics forRuntime() {
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null) {
            return new PowertoolsBusinessMetrics();
        }
        var log = LoggerFactory.getLogger(BusinessMetrics.class);
        return (metric, value, dimension, dimensionValue) -> {
            if (dimension == null) {
                log.debug("Metric", entry("metric", metric), entry("value", value));
            } else {
                log.debug("Metric", entry("metric", metric), entry("value", value), entry(dimension, dimensionValue));
            }
        };
    }
}
