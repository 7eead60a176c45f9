package org.serverlessloyalty.local.dynamodb;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;

/** The conformance suite against the in-process engine (in memory). */
class LocalDynamoDbConformanceIT extends DynamoDbConformanceSuite {

    private LocalDynamoDb engine;

    @Override
    protected URI endpoint() {
        if (engine == null) {
            engine = LocalDynamoDb.start(0, null);
        }
        return engine.endpoint();
    }

    @AfterAll
    void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }
}
