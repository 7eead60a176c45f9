package org.serverlessloyalty.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.serverlessloyalty.local.LocalStack;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * With a data directory the queues keep their messages across restarts, and their attributes follow the
 * template of the run, not the one they were created with. Without one nothing survives.
 */
class QueuePersistenceIT {

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              MaxReceives:
                Type: Number
                Default: 3
            Resources:
              WorkQueue:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: %d
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt WorkDeadLetterQueue.Arn
                    maxReceiveCount: !Ref MaxReceives
              WorkDeadLetterQueue:
                Type: AWS::SQS::Queue
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  FifoQueue: true
                  ContentBasedDeduplication: %s
            %s""";

    /** In the first run only: a queue with a dead-letter queue that the second run's template drops. */
    private static final String EXTRA_QUEUE = """
              LegacyQueue:
                Type: AWS::SQS::Queue
              Retries:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt WorkDeadLetterQueue.Arn
                    maxReceiveCount: 4
            """;
    private static final String RETRIES_WITHOUT_REDRIVE = """
              Retries:
                Type: AWS::SQS::Queue
            """;

    private static LocalStack start(Path template, Path dataDir, Map<String, String> parameters) {
        return LocalStack.start(LocalStack.Options.defaults().port(0).seedDemo(false).accessLog(false)
                .adminKey("queue-persistence-it").templatePath(template).dataDir(dataDir).parameters(parameters));
    }

    private static Path template(Path dir, String name, int visibilityTimeout, boolean firstRun) throws Exception {
        return Files.writeString(dir.resolve(name), TEMPLATE.formatted(visibilityTimeout, firstRun,
                firstRun ? EXTRA_QUEUE : RETRIES_WITHOUT_REDRIVE));
    }

    @Test
    void keepsMessagesReceiveCountsAndFifoOrderAcrossARestart(@TempDir Path dir) throws Exception {
        Path template = template(dir, "t.yaml", 30, true);
        Path dataDir = dir.resolve("data");
        try (LocalStack first = start(template, dataDir, Map.of())) {
            SqsClient sqs = first.sqsClient();
            sqs.sendMessage(b -> b.queueUrl(first.queueUrl("WorkQueue")).messageBody("kept"));
            for (String body : List.of("a", "b", "c")) {
                sqs.sendMessage(b -> b.queueUrl(first.queueUrl("Jobs")).messageBody(body).messageGroupId("g"));
            }
            // received once, visibility ended: the receive count must survive too
            Message received = sqs.receiveMessage(b -> b.queueUrl(first.queueUrl("WorkQueue")).visibilityTimeout(0)
                    .messageSystemAttributeNamesWithStrings("All")).messages().get(0);
            assertThat(received.body()).isEqualTo("kept");
        }
        assertThat(dataDir.resolve("sqs").resolve(ElasticMq.DATABASE_NAME + ".mv.db")).isRegularFile();

        try (LocalStack second = start(template, dataDir, Map.of())) {
            SqsClient sqs = second.sqsClient();
            Message work = sqs.receiveMessage(b -> b.queueUrl(second.queueUrl("WorkQueue")).waitTimeSeconds(1)
                    .messageSystemAttributeNamesWithStrings("All")).messages().get(0);
            assertThat(work.body()).isEqualTo("kept");
            assertThat(work.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "2");
            List<String> jobs = sqs.receiveMessage(b -> b.queueUrl(second.queueUrl("Jobs")).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages().stream().map(Message::body).toList();
            assertThat(jobs).containsExactly("a", "b", "c");
        }
    }

    @Test
    void restoredQueuesTakeTheTemplatesAttributesAndUndeclaredOnesAreDeleted(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        try (LocalStack first = start(template(dir, "before.yaml", 40, true), dataDir, Map.of())) {
            first.sqsClient().sendMessage(b -> b.queueUrl(first.queueUrl("WorkQueue")).messageBody("kept"));
            first.sqsClient().sendMessage(b -> b.queueUrl(first.queueUrl("LegacyQueue")).messageBody("dropped"));
            first.sqsClient().sendMessage(b -> b.queueUrl(first.queueUrl("Jobs")).messageBody("kept").messageGroupId("g"));
        }
        try (LocalStack second = start(template(dir, "after.yaml", 7, false), dataDir, Map.of("MaxReceives", "2"))) {
            SqsClient sqs = second.sqsClient();
            Map<String, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(second.queueUrl("WorkQueue"))
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
            assertThat(attributes).containsEntry("VisibilityTimeout", "7")
                    .containsEntry("ApproximateNumberOfMessages", "1");
            assertThat(attributes.get("RedrivePolicy")).contains("WorkDeadLetterQueue").contains("2");
            assertThat(sqs.listQueues().queueUrls()).noneMatch(url -> url.endsWith("/LegacyQueue"));
            // ElasticMQ cannot remove a RedrivePolicy: the empty queue is recreated from the template
            assertThat(sqs.getQueueAttributes(b -> b.queueUrl(second.queueUrl("Retries"))
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings()).doesNotContainKey("RedrivePolicy");
            // nor change ContentBasedDeduplication: a queue holding messages keeps them, and the old setting
            assertThat(sqs.getQueueAttributes(b -> b.queueUrl(second.queueUrl("Jobs"))
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings())
                    .containsEntry("ContentBasedDeduplication", "true").containsEntry("ApproximateNumberOfMessages", "1");
        }
    }

    @Test
    void withoutADataDirectoryNothingSurvives(@TempDir Path dir) throws Exception {
        Path template = template(dir, "t.yaml", 30, false);
        LocalStack.Options options = LocalStack.Options.defaults().port(0).seedDemo(false).accessLog(false)
                .adminKey("queue-persistence-it").templatePath(template);
        try (LocalStack first = LocalStack.start(options)) {
            first.sqsClient().sendMessage(b -> b.queueUrl(first.queueUrl("WorkQueue")).messageBody("lost"));
        }
        try (LocalStack second = LocalStack.start(options)) {
            assertThat(second.sqsClient().receiveMessage(b -> b.queueUrl(second.queueUrl("WorkQueue"))
                    .waitTimeSeconds(1)).messages()).isEmpty();
        }
    }

    @Test
    void refusesASecondStackWithADataDirectoryInTheSameJvm(@TempDir Path dir) throws Exception {
        Path template = template(dir, "t.yaml", 30, false);
        try (LocalStack first = start(template, dir.resolve("one"), Map.of())) {
            assertThatThrownBy(() -> start(template, dir.resolve("two"), Map.of()))
                    .hasMessageContaining("one per JVM");
            // the first one still persists into its own directory
            first.sqsClient().sendMessage(b -> b.queueUrl(first.queueUrl("WorkQueue")).messageBody("still works"));
        }
        try (LocalStack again = start(template, dir.resolve("two"), Map.of())) {
            assertThat(again.sqsClient().receiveMessage(b -> b.queueUrl(again.queueUrl("WorkQueue"))
                    .waitTimeSeconds(1)).messages()).isEmpty();
        }
    }
}
