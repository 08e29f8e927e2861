package io.planconsult.intake.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.planconsult.contract.Problem;
import io.planconsult.intake.domain.TextSealing;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * For the tagging service only: a suggestion's text key, to open the sealed text of its events. Not a people's
 * endpoint (no role opens it): the caller proves it is the tagging service with the service token both share
 * ({@code intake.text-keys.service-token}, from a Secret), compared in constant time. Without a configured token the
 * endpoint refuses everyone. 404 once the key was shredded by an erasure. A consumer batch asks for all its keys in
 * one lookup, which leaves the shredded and the unknown out. Keep {@code /internal} off the ingress.
 */
@Path("/internal/v1/text-keys")
@Tag(name = "internal")
@Produces(MediaType.APPLICATION_JSON)
public class TextKeyResource {

    private static final Logger LOG = Logger.getLogger(TextKeyResource.class);

    /** How many keys one lookup may ask for: above a consumer batch (tagging polls at most 100 records). */
    public static final int MAX_LOOKUP = 1000;

    public record KeyView(UUID suggestionId, String key) {
        @Override
        public String toString() {
            return "KeyView[" + suggestionId + "]";
        }
    }

    /** The suggestions of one consumer batch. */
    public record KeyLookup(List<UUID> suggestionIds) {
    }

    /** The keys found; a suggestion that is unknown or erased is not listed. */
    public record KeysView(List<KeyView> keys) {
    }

    private final TextSealing sealing;
    private final Optional<String> serviceToken;

    TextKeyResource(TextSealing sealing, @ConfigProperty(name =
            "intake.text-keys.service-token") Optional<String> serviceToken) {
        this.sealing = sealing;
        this.serviceToken = serviceToken.filter(t -> t.length() >= 32);
    }

    @GET
    @PermitAll
    @SecurityRequirement(name = IntakeApiDocument.SERVICE_TOKEN)
    @APIResponse(responseCode = "401", description = "Not the tagging service's token (problem+json)")
    @APIResponse(responseCode = "404", description = "No key: the suggestion is unknown or was erased")
    @APIResponseSchema(value = KeyView.class, responseCode = "200", responseDescription = "The key, base64")
    @Operation(operationId = "getTextKey",
            summary = "A suggestion's text key, for the tagging service (service token, not a people's token)")
    @Path("{id}")
    public Response key(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!authorised(authorization)) {
            LOG.warnf("text key request refused suggestion=%s", id);
            return refused();
        }
        byte[] key = sealing.key(id).orElseThrow(() -> new NotFoundException("no text key for suggestion " + id));
        return Response.ok(new KeyView(id, Base64.getEncoder().encodeToString(key))).build();
    }

    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @SecurityRequirement(name = IntakeApiDocument.SERVICE_TOKEN)
    @APIResponse(responseCode = "400", description = "No list of suggestion ids, or more than 1,000 (problem+json)")
    @APIResponse(responseCode = "401", description = "Not the tagging service's token (problem+json)")
    @APIResponseSchema(value = KeysView.class, responseCode = "200",
            responseDescription = "The keys found, base64; an unknown or erased suggestion is left out")
    @Operation(operationId = "lookupTextKeys",
            summary = "The text keys of a consumer batch's suggestions in one request, for the tagging service")
    public Response keys(KeyLookup lookup, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!authorised(authorization)) {
            LOG.warn("text key lookup refused");
            return refused();
        }
        if (lookup == null || lookup.suggestionIds() == null || lookup.suggestionIds().size() > MAX_LOOKUP
                || lookup.suggestionIds().stream().anyMatch(Objects::isNull)) {
            throw Problem.exception("invalid-request", "Invalid request", 400,
                    "a list of at most " + MAX_LOOKUP + " suggestion ids is required", "suggestionIds");
        }
        List<KeyView> keys = new ArrayList<>();
        sealing.keys(lookup.suggestionIds()).forEach((id, key) -> keys.add(new KeyView(id,
                Base64.getEncoder().encodeToString(key))));
        return Response.ok(new KeysView(keys)).build();
    }

    private static Response refused() {
        Problem refused = Problem.of("unauthorized", "Unauthorized", 401, "the tagging service's token is required",
                HttpHeaders.AUTHORIZATION);
        return Response.status(401).type(Problem.MEDIA_TYPE).entity(refused)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private boolean authorised(String authorization) {
        if (serviceToken.isEmpty() || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, serviceToken.get().getBytes(StandardCharsets.UTF_8));
    }
}
