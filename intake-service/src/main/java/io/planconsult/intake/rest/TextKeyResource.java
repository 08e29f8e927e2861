package io.planconsult.intake.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
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
 * endpoint refuses everyone. 404 once the key was shredded by an erasure. Keep {@code /internal} off the ingress.
 */
@Path("/internal/v1/text-keys/{id}")
@Tag(name = "internal")
@Produces(MediaType.APPLICATION_JSON)
public class TextKeyResource {

    private static final Logger LOG = Logger.getLogger(TextKeyResource.class);

    public record KeyView(UUID suggestionId, String key) {
        @Override
        public String toString() {
            return "KeyView[" + suggestionId + "]";
        }
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
    public Response key(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!authorised(authorization)) {
            LOG.warnf("text key request refused suggestion=%s", id);
            Problem refused = Problem.of("unauthorized", "Unauthorized", 401, "the tagging service's token is required",
                    HttpHeaders.AUTHORIZATION);
return Response.status(401).type(Problem.MEDIA_TYPE).entity(refused).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .build();
        }
        byte[] key = sealing.key(id).orElseThrow(() -> new NotFoundException("no text key for suggestion " + id));
        return Response.ok(new KeyView(id, Base64.getEncoder().encodeToString(key))).build();
    }

    private boolean authorised(String authorization) {
        if (serviceToken.isEmpty() || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, serviceToken.get().getBytes(StandardCharsets.UTF_8));
    }
}
