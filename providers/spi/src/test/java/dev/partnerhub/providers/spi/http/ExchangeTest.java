package dev.partnerhub.providers.spi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.errors.ProviderUnavailableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What one exchange sends: exactly one request per call, never a second one behind the rate limiter's back. */
class ExchangeTest {

    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aGetWhoseReplyIsLostOnAReusedConnectionFailsAndIsNotSentAgainByTheJdkClient() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(() -> serveKeepAliveLosingTheSecondReply(requests));
        accepting.setDaemon(true);
        accepting.start();
        Exchange exchange = new Exchange(JsonHttp.defaultClient(), new ObjectMapper(),
                Duration.ofSeconds(5), CallObserver.NONE);
        URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/things");

        assertThat(exchange.send("GET", uri, null, Map.of(), "t").response().statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> exchange.send("GET", uri, null, Map.of(), "t"))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("no reply from the provider");
        assertThat(requests.get()).as("the provider saw the lost call once: any retry is the operator's, through "
                + "the connection's rate limiter").isEqualTo(2);
    }

    /** Answers on one kept-alive connection; the second request is handled and its reply lost (the socket closed). */
    private void serveKeepAliveLosingTheSecondReply(AtomicInteger requests) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                String line;
                while ((line = in.readLine()) != null) {
                    while (!(line = in.readLine()).isEmpty()) {
                        // Headers; a GET has no body.
                    }
                    if (requests.incrementAndGet() == 2) {
                        break;
                    }
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                // The server was closed, or the client went away: accept the next connection, if any.
            }
        }
    }
}
