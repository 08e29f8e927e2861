package io.planconsult.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.planconsult.infra.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.planconsult.contract.Topics;
import io.planconsult.infra.LocalKafkaBroker;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class BrokerOutageTest {

    @Test
    void suggestionsAcceptedWhileTheBrokerIsDownArePublishedOnceItIsBack() {
        LocalKafkaBroker broker = KafkaBrokerTestResource.broker();
        broker.stop();
        List<String> ids;
        try {
            ids = IntStream.range(0, 5).mapToObj(i -> given().auth().oauth2(TestTokens.admin())
                    .contentType(ContentType.JSON)
                    .body(Map.of("stationId", "st-fuyang-01", "text", "富春江沿岸绿道建设建议 " + i, "channel", "station"))
                    .post("/api/v1/suggestions")
                    .then().statusCode(201).body("status", equalTo("RECEIVED"))
                    .extract().<String>path("id")).toList();
            for (String id : ids) {
                given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id).then()
                        .body("status", equalTo("RECEIVED"));
            }
        } finally {
            broker.start();
        }
        try (TopicProbe probe = TopicProbe.of(broker.bootstrapServers(), Topics.SUGGESTIONS_SUBMITTED)) {
            List<ConsumerRecord<String, String>> records = probe.awaitCount(r -> ids.contains(r.key()), ids.size(),
                    Duration.ofSeconds(90));
            assertEquals(ids.size(), records.size(), "each suggestion arrives, and only once");
        }
        for (String id : ids) {
            assertEquals("PUBLISHED", SuggestionResourceTest.awaitStatus(id, "PUBLISHED"));
        }
    }
}
