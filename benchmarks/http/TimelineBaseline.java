import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The timeline's Java baseline: a bare Jetty 12 (ee10) servlet that answers every GET with one byte array (the
 * file given, the hub's newest page) as {@code application/json} with its length. No filters, no sessions, no
 * routing. What the Chorus servlet's cached newest page cannot beat in the same JVM and container.
 *
 * <pre>{@code
 * java -cp samples/hub-site/target/chorus-hub.jar benchmarks/http/TimelineBaseline.java page.json   # prints the port
 * }</pre>
 * Needs Jetty 12 ee10 and the Servlet API on the class path (the hub's shaded jar has both). Listens on 127.0.0.1
 * on a free port; stops when its process is stopped.
 */
public final class TimelineBaseline {
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp chorus-hub.jar TimelineBaseline.java FILE");
            System.exit(2);
        }
        byte[] body = Files.readAllBytes(Path.of(args[0]));
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("baseline-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("bytes", new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("application/json");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        }), "/*");
        server.setHandler(context);
        server.start();
        System.out.println("TimelineBaseline listening on 127.0.0.1 (port " + connector.getLocalPort() + "), "
                + body.length + " bytes");
        server.join();
    }
}
