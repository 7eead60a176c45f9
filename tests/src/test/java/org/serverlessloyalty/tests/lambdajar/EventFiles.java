package org.serverlessloyalty.tests.lambdajar;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/** The real API Gateway events of {@code events/}, with the keys and bodies a scenario needs put in. */
public final class EventFiles {

    private static final ObjectMapper EVENTS = Json.MAPPER.copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private EventFiles() {
    }

    /** {@code events/<folder>/<name>}, as a tree to edit. */
    public static ObjectNode load(String folder, String name) {
        Path file = CloudFormationYaml.repositoryRoot().resolve("events").resolve(folder).resolve(name);
        try {
            return (ObjectNode) Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode header(ObjectNode event, String name, String value) {
        ObjectNode copy = event.deepCopy();
        ObjectNode headers = copy.withObjectProperty("headers");
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return copy;
    }

    public static ObjectNode body(ObjectNode event) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(event.get("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode body(ObjectNode event, JsonNode body) {
        ObjectNode copy = event.deepCopy();
        copy.put("body", Json.write(body));
        return copy;
    }

    public static Path write(ObjectNode event, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), event);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the Lambda runtime hands the handler. */
    public static APIGatewayV2HTTPEvent toEvent(ObjectNode event) {
        try {
            return EVENTS.treeToValue(event, APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
