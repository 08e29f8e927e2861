package io.planconsult.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.TopicProbe;

/**
 * Points through the real broker: a CPPCC member's speech with three numbered proposals is posted to intake, the
 * tagging service publishes one tagged event carrying three points in three areas, and reporting counts the speech
 * once and a point in each area's cell, and quotes each passage in that area's sub-report.
 */
class PointsEndToEndTest {

    private static final Duration DEADLINE = Duration.ofSeconds(180);
    private static final String SPEECH = "本人作为政协委员，就十五五规划发言如下：一是建议加快建设智能算力中心，设立算力券，"
            + "支持大模型企业训练和AI应用场景开放；二是建议加快推进老旧小区改造和加装电梯，完善地铁与公交的接驳；"
            + "三是建议加强涉外法律服务，培育涉外律所，完善知识产权保护和纠纷调解机制。";

    @RegisterExtension
    static final E2eStack E2E = E2eStack.named("points", Duration.ofHours(1));

    @Test
    void aSpeechWithThreeProposalsIsTaggedWithThreePointsAndTalliedInEachAreasCell() throws Exception {
        LocalStack stack = E2E.stack();
        Api api = E2E.admin();
        Api.Reply posted = api.post(stack.intake().baseUrl() + "/api/v1/suggestions",
                Map.of("stationId", "st-xihu-01", "text", SPEECH, "channel", "cppcc"));
        assertEquals(201, posted.status(), posted.body().toString());
        String id = posted.body().get("id").asText();

        JsonNode tagged;
        try (TopicProbe probe = TopicProbe.of(stack.broker().bootstrapServers(), Topics.SUGGESTIONS_TAGGED)) {
            ConsumerRecord<String, String> record = probe.awaitKey(id, DEADLINE)
                    .orElseThrow(() -> new AssertionError("no tagged event for " + id));
            tagged = Api.JSON.readTree(record.value());
        }
        List<String> pointTopics = new ArrayList<>();
        String redacted = tagged.get("redactedText").asText();
        for (JsonNode point : tagged.get("points")) {
            pointTopics.add(point.get("primaryTopic").asText());
            String passage = redacted.substring(point.get("start").asInt(), point.get("end").asInt());
            assertTrue(passage.contains("是建议"), "each point is one numbered proposal: " + passage);
        }
        assertEquals(3, pointTopics.size(), tagged.toString());
        assertEquals(3, pointTopics.stream().distinct().count(), "three areas: " + pointTopics);
        assertTrue(tagged.get("reviewReasons").toString().contains("multi-point"), tagged.toString());
        String primary = tagged.get("primaryTopic").asText();

        E2eStack.await(DEADLINE, () -> StackQueries.tallies(api, stack, "station").get("total").asLong() == 1,
                "the speech is tallied");
        JsonNode tallies = StackQueries.tallies(api, stack, "station");
        Map<String, long[]> cells = new HashMap<>();
        for (JsonNode cell : tallies.get("cells")) {
            cells.put(cell.get("district").asText() + "/" + cell.get("topic").asText(),
                    new long[] {cell.get("count").asLong(), cell.get("points").asLong(), cell.get("flagged").asLong()});
        }
        assertEquals(3, tallies.get("points").asLong(), "three points over all cells");
        for (String topic : pointTopics) {
            long[] cell = cells.get("xihu/" + topic);
            assertEquals(1, cell[1], "one point in xihu/" + topic);
            assertEquals(topic.equals(primary) ? 1 : 0, cell[0], "the speech counts once, under " + primary);
        }
        assertEquals(1, cells.get("xihu/" + primary)[2], "flagged multi-point in its primary cell");

        for (JsonNode point : tagged.get("points")) {
            String topic = point.get("primaryTopic").asText();
            JsonNode report = api.get(stack.reporting().baseUrl() + "/api/v1/reports/topics/" + topic).body();
            String expected = redacted.substring(point.get("start").asInt(), point.get("end").asInt()).strip();
            List<String> quoted = new ArrayList<>();
            report.get("passages").forEach(p -> quoted.add(p.get("passage").asText()));
            assertEquals(List.of(expected), quoted, topic + " sub-report quotes its passage");
        }
    }
}
