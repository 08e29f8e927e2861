package io.planconsult.intake.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.Await;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TestTokens;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.infra.testing.TopicProbe.Outgoing;
import io.planconsult.intake.testing.TaggedTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The status listener takes the tagged topic a batch at a time: an unreadable record in the middle of a batch goes
 * alone to the intake dead-letter topic with its reason, and every good record around it still moves its
 * suggestion to TAGGED.
 */
@QuarkusTest
class TaggedStatusBatchTest {

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsDeadLetteredAloneAndTheRestApplied() {
        List<String> ids = new ArrayList<>();
        for (String text : List.of("建议在社区增设老年食堂", "建议延长地铁末班车时间", "建议增加社区篮球场")) {
            ids.add(given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("stationId", "st-xihu-01", "text", text, "channel", "station"))
                    .post("/api/v1/suggestions").then().statusCode(201).extract().path("id"));
        }
        String poisonKey = "poison-" + java.util.UUID.randomUUID();
        // One key, so one partition, one producer request and one poll: the poison sits between good records.
        String key = "batch-" + ids.get(0);
        List<Outgoing> batch = List.of(new Outgoing(key, tagged(ids.get(0), "welfare"), Map.of()),
                new Outgoing(key, tagged(ids.get(1), "transport"), Map.of()),
                new Outgoing(key, "{\"suggestionId\": \"" + poisonKey + "\", not json", Map.of()),
                new Outgoing(key, tagged(ids.get(2), "culture"), Map.of()));
        try (TopicProbe dead = TopicProbe.of(bootstrap(), Topics.INTAKE_DEAD_LETTER)) {
            TopicProbe.sendAll(bootstrap(), Topics.SUGGESTIONS_TAGGED, batch);

            for (String id : ids) {
                Await.await(() -> "TAGGED".equals(status(id)), "suggestion " + id + " TAGGED");
            }
            ConsumerRecord<String, String> poison = dead.await(r -> r.value().contains(poisonKey),
                    Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("the unreadable record is on the dead-letter topic"));
            assertTrue(TopicProbe.header(poison, "dead-letter-reason").contains("unreadable"),
                    TopicProbe.header(poison, "dead-letter-reason"));
            assertTrue(dead.await(r -> ids.stream().anyMatch(r.value()::contains), Duration.ofSeconds(2)).isEmpty(),
                    "no good record of the batch is dead-lettered");
        }
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + ids.get(1)).then()
                .body("primaryTopic", org.hamcrest.Matchers.equalTo("transport"));
    }

    private static String tagged(String id, String topic) {
        return TaggedTopic.body(id, "st-xihu-01", "xihu", topic, "已脱敏", 0);
    }

    private static String status(String id) {
        return given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id).then().statusCode(200)
                .extract().path("status");
    }

    private static String bootstrap() {
        return KafkaBrokerTestResource.broker().bootstrapServers();
    }
}
