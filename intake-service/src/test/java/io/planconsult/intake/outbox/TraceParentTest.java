package io.planconsult.intake.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.infra.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The relay sends later, on its own thread, yet the record continues the trace of the POST that wrote the row. */
@QuarkusTest
class TraceParentTest {

    @Test
    void submittedRecordCarriesTheTraceOfThePostThatAcceptedIt() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = "00f067aa0ba902b7";
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Map.of("stationId", "st-xihu-01", "text", "建议西湖区增设公共自行车租赁点", "channel", "station"))
                .post("/api/v1/suggestions").then().statusCode(201).extract().path("id");

        try (TopicProbe probe = TopicProbe.of(KafkaBrokerTestResource.broker().bootstrapServers(),
                Topics.SUGGESTIONS_SUBMITTED)) {
            ConsumerRecord<String, String> record = probe.awaitKey(id, Duration.ofSeconds(60)).orElseThrow();
            String traceparent = TopicProbe.header(record, TraceParent.HEADER);
            assertNotNull(traceparent, "the record carries a traceparent header");
            String[] parts = traceparent.split("-");
            assertEquals(4, parts.length, traceparent);
            assertEquals(traceId, parts[1], "same trace as the POST");
            assertTrue(!parts[2].equals(callerSpan) && !parts[2].equals("0000000000000000"), "a span of intake's own");
        }
    }
}
