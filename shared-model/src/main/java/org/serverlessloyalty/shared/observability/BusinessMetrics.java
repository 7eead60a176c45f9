package org.serverlessloyalty.shared.observability;

/** Counts that tell ops what the engine is deciding (CloudWatch metrics on AWS). */
public interface BusinessMetrics {

    /** Adds {@code value} to {@code metric}, split by one low-cardinality dimension. */
    void count(String metric, long value, String dimension, String dimensionValue);

    BusinessMetrics NONE = (metric, value, dimension, dimensionValue) -> { };
}
