package org.serverlessloyalty.shared.platform.observability;

import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Powertools metrics through the functional API (no AspectJ): each count is flushed at once as one
 * Embedded Metric Format line, so nothing is lost if an invocation fails before the end, and no
 * state is shared between requests. Namespace and service come from template.yaml.
 */
public final class PowertoolsBusinessMetrics implements BusinessMetrics {

    private final Metrics metrics = MetricsFactory.getMetricsInstance();
    private final String namespace;
    private final String service;

    public PowertoolsBusinessMetrics() {
        this.namespace = LambdaEnvironment.get("POWERTOOLS_METRICS_NAMESPACE").orElse("ServerlessLoyalty");
        this.service = LambdaEnvironment.get("POWERTOOLS_SERVICE_NAME").orElse("serverless-loyalty");
    }

    @Override
    public void count(String metric, long value, String dimension, String dimensionValue) {
        metrics.flushSingleMetric(metric, value, MetricUnit.COUNT, namespace, dimension == null
                ? DimensionSet.of("Service", service)
                : DimensionSet.of("Service", service, dimension, dimensionValue));
    }
}
