package org.serverlessloyalty.shared.platform.health;

import java.util.Optional;

/** Whether a dependency answers; empty when healthy, else what failed. */
public interface HealthProbe {

    String name();

    Optional<String> problem();
}
