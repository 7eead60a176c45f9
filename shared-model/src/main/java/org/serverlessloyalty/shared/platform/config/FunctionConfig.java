package org.serverlessloyalty.shared.platform.config;

import java.time.Duration;

/** The configuration template.yaml gives every function (Globals), read once per instance. */
public record FunctionConfig(String tableName, Duration storeCacheTtl) {

    public static FunctionConfig fromEnvironment() {
        return new FunctionConfig(
                LambdaEnvironment.require("TABLE_NAME"),
                Duration.ofSeconds(LambdaEnvironment.intValue("STORE_CACHE_SECONDS", 30)));
    }
}
