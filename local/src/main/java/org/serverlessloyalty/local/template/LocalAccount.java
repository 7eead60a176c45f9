package org.serverlessloyalty.local.template;

import java.net.URI;

/**
 * The pretend AWS account the local stack runs in: where {@code Ref} and {@code Fn::GetAtt} of the
 * template's resources point (queue URLs on the local SQS endpoint, ARNs in this region and account).
 */
public record LocalAccount(String region, String accountId, String stackName, URI sqsEndpoint, URI apiEndpoint,
                           String apiId) {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";
    public static final String STACK_NAME = "serverless-loyalty-local";
    public static final String API_ID = "local";

    public static LocalAccount of(URI sqsEndpoint, URI apiEndpoint) {
        return new LocalAccount(REGION, ACCOUNT_ID, STACK_NAME, sqsEndpoint, apiEndpoint, API_ID);
    }

    public String queueUrl(String queueName) {
        return stripSlash(sqsEndpoint) + "/" + accountId + "/" + queueName;
    }

    public String queueArn(String queueName) {
        return arn("sqs", queueName);
    }

    public String tableArn(String tableName) {
        return arn("dynamodb", "table/" + tableName);
    }

    public String functionArn(String functionName) {
        return arn("lambda", "function:" + functionName);
    }

    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    private static String stripSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
