package io.planconsult.tagging.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planconsult.contract.Problem;
import io.planconsult.contract.Roles;
import io.planconsult.tagging.dedup.DedupSettings;
import io.planconsult.tagging.dedup.Deduplicator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/dedup")
@Tag(name = "dedup")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STATION_STAFF, Roles.ANALYST, Roles.ADMIN})
public class DedupResource {

    static final int MAX_ITEMS = 5_000;

    public record Item(String id, String text) {
        @Override
        public String toString() {
            return "Item[id=" + id + ", text redacted]";
        }
    }

    public record DedupRequest(List<Item> items) {
    }

    /** Each cluster lists its members' ids, first-seen first; singletons are included. */
    public record DedupResponse(List<List<String>> clusters) {
    }

    private final Deduplicator deduplicator;

    DedupResource(DedupSettings settings) {
        this.deduplicator = new Deduplicator(settings);
    }

    @POST
    @Operation(operationId = "findDuplicates", summary = "Cluster near-duplicates among the given items only",
            description = "For analysts checking an import before submitting it: touches no stored state.")
    public DedupResponse dedup(DedupRequest request) {
        if (request == null || request.items() == null) {
            throw Problem.exception("invalid-request", "Invalid request", 400, "items is required", "items");
        }
        if (request.items().size() > MAX_ITEMS) {
            throw Problem.exception("invalid-request", "Invalid request", 400,
                    "at most " + MAX_ITEMS + " items per request", "items");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            Item item = request.items().get(i);
            if (item == null || item.id() == null || item.id().isBlank()) {
                throw Problem.exception("invalid-request", "Invalid request", 400, "every item needs an id",
                        "items[" + i + "].id");
            }
            if (item.text() == null || item.text().length() > ClassifyResource.MAX_TEXT_LENGTH) {
                throw Problem.exception("invalid-request", "Invalid request", 400, "text is required, at most "
                        + ClassifyResource.MAX_TEXT_LENGTH + " characters", "items[" + i + "].text");
            }
            if (!ids.add(item.id())) {
                throw Problem.exception("invalid-request", "Invalid request", 400, "duplicate id " + item.id(),
                        "items[" + i + "].id");
            }
        }
        return new DedupResponse(deduplicator.clusters(request.items().stream()
                .map(item -> new Deduplicator.Item(item.id(), item.text())).toList()));
    }
}
