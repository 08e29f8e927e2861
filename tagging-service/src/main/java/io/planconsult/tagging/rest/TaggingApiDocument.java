package io.planconsult.tagging.rest;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.ws.rs.core.Application;

/**
 * The OpenAPI document's header: info and licence, the server (relative) and the tags with what each groups. People's
 * JWTs are the {@code bearer} scheme (application.properties), added to every operation that requires a role.
 * <p>An {@link Application} because SmallRye OpenAPI reads {@code @OpenAPIDefinition} and {@code @SecurityScheme} from
 * the application class; it declares no path and no classes, so every resource is served as before.
 */
@OpenAPIDefinition(
        info = @Info(title = "planconsult tagging-service", version = "1.0.0",
                description = "On-premises tagging of suggestions: topics, district, redaction, near-duplicates.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        // Relative: the host that served the document; every deployment has its own (locally localhost:8082).
        servers = @Server(url = "/", description = "The host that serves this document"),
        tags = {
            @Tag(name = "classify", description = "Tag a text as the consumer would, without storing or publishing it"),
            @Tag(name = "dedup", description = "Near-duplicates of a text among the suggestions tagged so far")
        })
public class TaggingApiDocument extends Application {
}
