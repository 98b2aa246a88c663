package dev.partnerhub.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readings of the operator's process: CPU time and peak RSS from /proc, live heap through jcmd, its metrics. */
final class ProcessProbe {

    /** Linux's USER_HZ, the unit of /proc/PID/stat's CPU times, on every architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final long pid;
    private final URI metrics;
    private final HttpClient http = HttpClient.newHttpClient();

    ProcessProbe(long pid, int httpPort) {
        this.pid = pid;
        this.metrics = URI.create("http://127.0.0.1:" + httpPort + "/q/metrics");
    }

    /** User and system CPU seconds the process used so far. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the command: state is field 3 of stat, utime 14 and stime 15 (1-based), so 11 and 12 here.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** The peak resident set size in MB (VmHWM). */
    long peakRssMb() throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("VmHWM:")).map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
                .findFirst().orElse(-1L);
    }

    /** The heap in use after a full collection, in MB, as jcmd reports it. */
    long liveHeapMb() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher m = USED.matcher(jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    /** The operator's {@code /q/metrics} page. */
    String metrics() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The sum of one counter's series for one kind, from a metrics page. */
    static double counter(String page, String name, String kind) {
        return page.lines().filter(l -> l.startsWith(name + "{") && l.contains("kind=\"" + kind + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(List.of(jcmd, Long.toString(pid), command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
