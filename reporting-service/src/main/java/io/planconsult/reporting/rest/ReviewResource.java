package io.planconsult.reporting.rest;

import io.planconsult.contract.Problem;
import io.planconsult.contract.ReviewReasons;
import io.planconsult.contract.Roles;
import io.planconsult.reporting.report.DisplayNames;
import io.planconsult.reporting.report.Districts;
import io.planconsult.reporting.rest.QueryParameters.Paging;
import io.planconsult.reporting.review.ReviewQueue;
import io.planconsult.reporting.tally.Perspective;
import io.planconsult.reporting.tally.TaggedSuggestion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The analysts' review queue: flagged suggestions with the tagging service's reasons, redacted text only. */
@Path("/api/v1/review")
@Tag(name = "review")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    /** A flagged suggestion as the queue lists it. */
    public record ReviewItem(UUID suggestionId, String stationDistrict, String subjectDistrict, String channel,
            String primaryTopic, List<String> labels, List<String> reasons, String redactedText, Instant submittedAt) {

        static ReviewItem of(TaggedSuggestion s) {
            List<String> reasons = s.reviewReasons == null ? List.of() : Arrays.asList(s.reviewReasons.split(","));
            return new ReviewItem(s.suggestionId, s.stationDistrict, s.subjectDistrict, s.channel, s.primaryTopic,
                    s.labelList(), reasons, s.redactedText, s.submittedAt);
        }
    }

    /** A page of the queue; {@code byReason} counts the queue under the district and topic filter. */
    public record ReviewPage(int page, int size, long total, Map<String, Long> byReason, List<ReviewItem> items) {
    }

    private final ReviewQueue queue;
    private final Districts districts;
    private final DisplayNames names;

    ReviewResource(ReviewQueue queue, Districts districts, DisplayNames names) {
        this.queue = queue;
        this.districts = districts;
        this.names = names;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listReviewQueue",
            summary = "Flagged suggestions not yet re-tagged by an analyst, newest "
            + "first, with the reasons, filtered by reason, district and primary topic (role analyst or admin)")
    public ReviewPage list(
            @Parameter(description = "low-confidence, close-second, not-a-suggestion, multi-point, foreign-language "
                    + "or residual-pii") @QueryParam("reason") String reason,
            @QueryParam("district") String district, @QueryParam("topic") String topic,
            @Parameter(description = "station (default) or subject: which district the filter reads")
            @QueryParam("by") @DefaultValue("station") String by,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (reason != null && !ReviewReasons.ALL.contains(reason)) {
            throw QueryParameters.invalid("reason must be one of " + String.join(", ", ReviewReasons.ALL), "reason");
        }
        if (district != null && !districts.exists(district)) {
            throw Problem.exception("unknown-district", "Unknown district", 404, "no district with code " + district,
                    "district");
        }
        if (topic != null && !names.isTopic(topic)) {
            throw Problem.exception("unknown-topic", "Unknown topic", 404, "no topic with code " + topic, "topic");
        }
        Perspective perspective = QueryParameters.perspective(by);
        Paging paging = Paging.of(page, size);
        ReviewQueue.QueuePage result = queue.page(new ReviewQueue.Filter(reason, district, perspective, topic),
                paging.page(), paging.size());
        return new ReviewPage(result.page(), result.size(), result.total(), result.byReason(),
                result.items().stream().map(ReviewItem::of).toList());
    }
}
