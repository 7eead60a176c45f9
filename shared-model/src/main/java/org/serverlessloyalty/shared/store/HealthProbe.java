package org.serverlessloyalty.shared.store;

import java.util.Optional;

/** Whether a dependency answers; empty when healthy, else what failed. */
public interface HealthProbe {

    String name();

    Optional<String> problem();
}
