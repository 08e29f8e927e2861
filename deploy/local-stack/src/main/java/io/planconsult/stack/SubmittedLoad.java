package io.planconsult.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;

/**
 * The tagging stage's input for its drain benchmark: N suggestion-submitted events (contract SuggestionSubmitted v1,
 * CloudEvents headers, keyed by suggestion id) on the submitted topic, as intake's outbox relay publishes them. The
 * texts are the dev set's, cycled, each copy with a number of its own appended (so copies of one row are
 * near-duplicates of it, as TaggedLoad's clusters are). They are plain, not sealed: tagging then needs no text key
 * from intake, which this benchmark does not run (the key fetch, one HTTP call per suggestion, is left out).
 */
final class SubmittedLoad {

    private SubmittedLoad() {
    }

    /** @return events/s of n suggestions from the seed city's districts in turn */
    static double produce(String bootstrap, List<JsonNode> dev, int n) throws Exception {
        return produce(bootstrap, dev, n, EventLoad::seedCity);
    }

    /** @return events/s */
    static double produce(String bootstrap, List<JsonNode> dev, int n, IntFunction<EventLoad.Origin> origins)
            throws Exception {
        return EventLoad.produce(bootstrap, Topics.SUGGESTIONS_SUBMITTED, EventTypes.SUGGESTION_SUBMITTED,
                EventTypes.SOURCE_INTAKE, n, i -> {
                    JsonNode row = dev.get(i % dev.size());
                    UUID id = EventLoad.id("drain", i);
                    EventLoad.Origin origin = origins.apply(i);
                    String submitted = EventLoad.CAMPAIGN_START.plusSeconds((long) i * 90L * 86400 / n).toString();
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("suggestionId", id);
                    event.put("stationId", origin.stationId());
                    event.put("stationDistrict", origin.stationDistrict());
                    event.put("channel", EventLoad.CHANNELS.get(i % EventLoad.CHANNELS.size()));
                    event.put("text", row.get("text").asText() + (i < dev.size() ? "" : "（" + (i / dev.size()) + "）"));
                    event.put("submittedAt", submitted);
                    event.put("receivedAt", submitted);
                    return new EventLoad.Event(id.toString(), event, EventLoad.id("submitted", i));
                });
    }
}
