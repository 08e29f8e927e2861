package io.planconsult.intake.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.planconsult.intake.domain.Amendment;
import io.planconsult.intake.domain.NewSuggestion;
import io.planconsult.intake.domain.PersonalData;
import io.planconsult.intake.domain.StationRegistry;
import io.planconsult.intake.domain.Suggestion;
import io.planconsult.intake.domain.SuggestionChanges;
import io.planconsult.intake.domain.SuggestionNotFoundException;
import io.planconsult.intake.domain.SuggestionService;
import io.planconsult.intake.ratelimit.StationRateLimiter;
import io.planconsult.intake.security.Caller;
import io.planconsult.contract.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/suggestions")
@Tag(name = "suggestions")
@Produces(MediaType.APPLICATION_JSON)
public class SuggestionResource {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    /** The answer to a submission. */
    public record Submitted(UUID id, String status) {
    }

    /**
     * A stored suggestion with its processing status (RECEIVED, PUBLISHED, TAGGED, WITHDRAWN). {@code text} is the
     * redacted text of the current revision, {@code null} until the tagging service has redacted it: the raw text is
     * for admins only ({@code GET /{id}/text}, audited). {@code primaryTopic} is the model's; {@code humanPrimaryTopic}
     * and {@code humanLabels} an analyst's, which override it.
     */
    public record SuggestionView(UUID id, String stationId, String district, String channel, String text,
            Instant submittedAt, Instant receivedAt, String status, int revision, String primaryTopic,
            String humanPrimaryTopic, List<String> humanLabels, UUID mergedClusterId, Instant withdrawnAt) {
    }

    private final SuggestionService suggestions;
    private final SuggestionChanges changes;
    private final StationRegistry stations;
    private final Caller caller;
    private final RequestBodies bodies;
    private final IdempotentPosts posts;
    private final StationRateLimiter limiter;
    private final PersonalData personalData;

    SuggestionResource(SuggestionService suggestions, SuggestionChanges changes, StationRegistry stations,
            Caller caller,
            RequestBodies bodies, IdempotentPosts posts, StationRateLimiter limiter, PersonalData personalData) {
        this.personalData = personalData;
        this.suggestions = suggestions;
        this.changes = changes;
        this.stations = stations;
        this.caller = caller;
        this.bodies = bodies;
        this.posts = posts;
        this.limiter = limiter;
    }

    @POST
    @RolesAllowed({Roles.STATION_STAFF, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitSuggestion",
            summary = "Submit a suggestion",
            description = "Stored with its event in one transaction; 201 with a Location header. "
            + "Invalid fields give 400/422 application/problem+json naming each field; nothing is stored then. "
            + "Station staff may only post for their token's station (another stationId: 403). "
            + "Over the station's rate limit: 429 with Retry-After. "
            + "With an Idempotency-Key, a retry with the same body gets the first response again (header "
            + "Idempotent-Replayed: true); "
            + "the same key with another body gives 422.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewSuggestion.class)))
    public Response submit(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey,
            byte[] raw) throws JsonProcessingException {
        NewSuggestion body = bodies.read(raw, NewSuggestion.class);
        if (body.stationId() != null) {
            caller.requireStation(body.stationId(), "stationId");
            limiter.acquire(body.stationId());
        }
        return posts.run(idempotencyKey, "/api/v1/suggestions", raw, () -> {
            Suggestion stored = suggestions.submit(body, caller.actor());
            return new IdempotentPosts.Reply(201, "/api/v1/suggestions/" + stored.id,
                    new Submitted(stored.id, stored.status.name()));
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STATION_STAFF, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getSuggestion", summary = "A suggestion and its processing status")
    public SuggestionView get(@PathParam("id") UUID id) {
        Suggestion s = find(id);
        caller.requireReadable(s.stationId);
        return view(s);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.STATION_STAFF, Roles.ADMIN})
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "amendSuggestion",
            summary = "Amend a suggestion (a typo in the text, the channel)",
            description = "Body {text?, channel?}: the given fields "
            + "replace the stored ones; the revision goes up by one and a SuggestionAmended event with the whole "
            + "current state follows. "
            + "A withdrawn suggestion cannot be amended (409). Giving only values it already has changes nothing.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = Amendment.class)))
    public SuggestionView amend(@PathParam("id") UUID id, byte[] raw) throws JsonProcessingException {
        Amendment change = bodies.read(raw, Amendment.class);
        String station = find(id).stationId;
        caller.requireStation(station, "id");
        limiter.acquire(station);
        return view(changes.amend(id, change, caller.actor()));
    }

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed({Roles.STATION_STAFF, Roles.ADMIN})
    @Operation(operationId = "withdrawSuggestion",
            summary = "Withdraw a suggestion",
            description = "The person who made it asked for it to be withdrawn: it leaves every "
            + "tally (SuggestionWithdrawn event). Final; a second withdrawal is 409 (or, with the same "
            + "Idempotency-Key, the first answer).")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(IdempotentPosts.HEADER) String idempotencyKey,
            byte[] raw) {
        String station = find(id).stationId;
        caller.requireStation(station, "id");
        limiter.acquire(station);
        return posts.run(idempotencyKey, "/api/v1/suggestions/" + id + "/withdrawal", raw,
                () -> new IdempotentPosts.Reply(200, null, view(changes.withdraw(id, caller.actor()))));
    }

    /** The raw text as submitted or amended (after an erasure: the redacted text that replaced it). */
    public record RawText(UUID id, int revision, String text) {
        @Override
        public String toString() {
            return "RawText[id=" + id + ", revision=" + revision + "]";
        }
    }

    @GET
    @Path("/{id}/text")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getSuggestionRawText",
            summary = "The raw text, as entered", description = "Admins only; may hold personal data, so every read is "
            + "recorded in the audit trail (text-read). Everyone else sees the redacted text in GET /{id}.")
    public RawText rawText(@PathParam("id") UUID id) {
        Suggestion s = personalData.rawText(id, caller.actor());
        return new RawText(s.id, s.revision, s.text);
    }

    private Suggestion find(UUID id) {
        return suggestions.find(id).orElseThrow(() -> new SuggestionNotFoundException(id));
    }

    private SuggestionView view(Suggestion s) {
        String district = stations.find(s.stationId).map(st -> st.district).orElse(null);
        List<String> humanLabels = s.humanLabels == null ? null : Arrays.asList(s.humanLabels.split(","));
        return new SuggestionView(s.id, s.stationId, district, s.channel, s.redactedText, s.submittedAt, s.receivedAt,
                s.status.name(), s.revision, s.primaryTopic, s.humanPrimaryTopic, humanLabels, s.mergedClusterId,
                s.withdrawnAt);
    }
}
