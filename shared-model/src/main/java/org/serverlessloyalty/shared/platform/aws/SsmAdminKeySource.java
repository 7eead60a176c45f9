package org.serverlessloyalty.shared.platform.aws;

import java.util.function.Supplier;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Where the admin key comes from, as for the admin function: {@code ADMIN_API_KEY} when set (the local stack, tests),
 * else the SecureString parameter named by {@code ADMIN_API_KEY_PARAMETER} (template.yaml).
 */
public final class SsmAdminKeySource implements Supplier<String> {

    static final String ADMIN_API_KEY = "ADMIN_API_KEY";
    static final String ADMIN_API_KEY_PARAMETER = "ADMIN_API_KEY_PARAMETER";

    private final Supplier<SsmClient> ssm;
    private final String directKey;
    private final String parameterName;

    /** @param ssm builds the SSM client, on the first request that needs the key (the handler's wiring says how) */
    public SsmAdminKeySource(Supplier<SsmClient> ssm) {
        this.ssm = ssm;
        this.directKey = LambdaEnvironment.get(ADMIN_API_KEY).orElse(null);
        this.parameterName = LambdaEnvironment.get(ADMIN_API_KEY_PARAMETER).orElse(null);
        if (directKey == null && parameterName == null) {
            throw new IllegalStateException("Set " + ADMIN_API_KEY_PARAMETER + " (template.yaml) or " + ADMIN_API_KEY);
        }
    }

    @Override
    public String get() {
        if (directKey != null) {
            return directKey;
        }
        try (SsmClient client = ssm.get()) {
            return client.getParameter(b -> b.name(parameterName).withDecryption(true)).parameter().value();
        }
    }
}
