package org.chorusfeed.servlet.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Finds the route for a path: paths without parameters by one hash lookup (the timeline is the most requested
 * URL and pays no more than that), templated paths by matching segments in the order they were added.
 */
public final class RouteTable {
    private final Map<String, Resource> exact;
    private final List<Resource> templated;
    private final List<Route> routes;

    private RouteTable(List<Route> routes, Map<String, Predicate<String>> constraints) {
        Map<String, Resource> byTemplate = new LinkedHashMap<>();
        for (Route route : routes) {
            byTemplate.computeIfAbsent(route.template(), t -> new Resource(t, constraints)).add(route);
        }
        Map<String, Resource> exactPaths = new HashMap<>();
        List<Resource> templates = new ArrayList<>();
        for (Resource resource : byTemplate.values()) {
            if (resource.hasParameters()) {
                templates.add(resource);
            } else {
                exactPaths.put(resource.template, resource);
            }
        }
        this.exact = exactPaths;
        this.templated = List.copyOf(templates);
        this.routes = List.copyOf(routes);
    }

    /** Starts a table. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every route, in the order added. */
    public List<Route> routes() {
        return routes;
    }

    /** The resource at this path with its parameters, or null when no route has this path. */
    public @Nullable Match match(String path) {
        Resource resource = exact.get(path);
        if (resource != null) {
            return new Match(resource, Map.of());
        }
        for (Resource candidate : templated) {
            Map<String, String> parameters = candidate.match(path);
            if (parameters != null) {
                return new Match(candidate, parameters);
            }
        }
        return null;
    }

    /**
     * A path that matched, with the values of its parameters.
     *
     * @param resource   the routes at that path
     * @param parameters template parameter values, decoded
     */
    public record Match(Resource resource, Map<String, String> parameters) {
        /** The route for this method, or null when the path has none for it (HEAD finds GET). */
        public @Nullable Route route(String method) {
            return resource.byMethod.get(method.equals("HEAD") ? "GET" : method);
        }

        /** The value of the {@code Allow} header for this path. */
        public String allow() {
            return resource.allow;
        }

        /** The methods a CORS preflight may be told about: the routes' methods. */
        public String corsMethods() {
            return resource.corsMethods;
        }
    }

    /** The routes of one path template. */
    public static final class Resource {
        private final String template;
        private final String[] segments;
        private final List<@Nullable Predicate<String>> constraints = new ArrayList<>();
        private final Map<String, Route> byMethod = new LinkedHashMap<>();
        private String allow = "";
        private String corsMethods = "";

        Resource(String template, Map<String, Predicate<String>> constraintsByName) {
            if (!template.startsWith("/")) {
                throw new IllegalArgumentException("route template '" + template + "' must start with '/'");
            }
            this.template = template;
            this.segments = template.substring(1).split("/", -1);
            for (String segment : segments) {
                constraints.add(isParameter(segment)
                        ? constraintsByName.get(segment.substring(1, segment.length() - 1)) : null);
            }
        }

        /** The template, like {@code /api/posts/{id}}. */
        public String template() {
            return template;
        }

        /** The routes by method. */
        public Map<String, Route> byMethod() {
            return Collections.unmodifiableMap(byMethod);
        }

        void add(Route route) {
            if (byMethod.putIfAbsent(route.method(), route) != null) {
                throw new IllegalArgumentException("two routes for " + route.method() + " " + template);
            }
            List<String> methods = new ArrayList<>(byMethod.keySet());
            corsMethods = String.join(", ", methods);
            if (methods.contains("GET")) {
                methods.add(methods.indexOf("GET") + 1, "HEAD");
            }
            methods.add("OPTIONS");
            allow = String.join(", ", methods);
        }

        boolean hasParameters() {
            for (String segment : segments) {
                if (isParameter(segment)) {
                    return true;
                }
            }
            return false;
        }

        @Nullable Map<String, String> match(String path) {
            if (path.isEmpty() || path.charAt(0) != '/') {
                return null;
            }
            Map<String, String> parameters = null;
            int start = 1;
            for (int i = 0; i < segments.length; i++) {
                int end = path.indexOf('/', start);
                boolean last = i == segments.length - 1;
                if (last != (end < 0)) {
                    return null;
                }
                String value = last ? path.substring(start) : path.substring(start, end);
                String segment = segments[i];
                if (isParameter(segment)) {
                    Predicate<String> constraint = constraints.get(i);
                    if (value.isEmpty() || (constraint != null && !constraint.test(value))) {
                        return null;
                    }
                    if (parameters == null) {
                        parameters = new HashMap<>(4);
                    }
                    parameters.put(segment.substring(1, segment.length() - 1), value);
                } else if (!segment.equals(value)) {
                    return null;
                }
                start = end + 1;
            }
            return parameters == null ? Map.of() : parameters;
        }

        private static boolean isParameter(String segment) {
            return segment.length() > 2 && segment.charAt(0) == '{' && segment.charAt(segment.length() - 1) == '}';
        }
    }

    /** Collects routes and parameter constraints. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();
        private final Map<String, Predicate<String>> constraints = new HashMap<>();

        private Builder() {
        }

        /** Adds a route. */
        public Builder add(String method, String template, Access access, Handler handler) {
            routes.add(new Route(method, template, access, handler));
            return this;
        }

        /** Makes every {@code {name}} parameter match only values this predicate accepts. */
        public Builder constrain(String name, Predicate<String> constraint) {
            constraints.put(name, constraint);
            return this;
        }

        /** The table. */
        public RouteTable build() {
            return new RouteTable(routes, constraints);
        }
    }
}
