package io.planconsult.reporting.rest;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.ws.rs.core.Application;

/**
 * The OpenAPI document's header: info and licence, the server (relative) and the tags with what each groups. People's
 * JWTs are the {@code bearer} scheme (application.properties), added to every operation that requires a role; the
 * dashboard's aggregates, open while {@code reporting.public-dashboard} is true, say so with an empty security list.
 * <p>An {@link Application} because SmallRye OpenAPI reads {@code @OpenAPIDefinition} and {@code @SecurityScheme} from
 * the application class; it declares no path and no classes, so every resource is served as before.
 */
@OpenAPIDefinition(
        info = @Info(title = "planconsult reporting-service", version = "1.0.0",
                description = "Exact live tallies per district and topic, reports and exports, the review queue and "
                        + "the rebuild of the read model.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        // Relative: the host that served the document; every deployment has its own (locally localhost:8083).
        servers = @Server(url = "/", description = "The host that serves this document"),
        tags = {
            @Tag(name = "tallies", description = "Counts per district, channel, day or week and topic, live"),
            @Tag(name = "reports", description = "The general report, topic and district reports, and their exports"),
            @Tag(name = "review", description = "Suggestions the tagging flagged for an analyst, with the reasons"),
            @Tag(name = "admin", description = "Rebuilding the read model from the topics")
        })
public class ReportingApiDocument extends Application {
}
