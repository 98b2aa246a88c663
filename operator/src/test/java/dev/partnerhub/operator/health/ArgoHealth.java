package dev.partnerhub.operator.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * The chart's Argo CD health checks ({@code helm/partnerhub-operator/argocd/argocd-cm-health.yaml}) run as Argo CD
 * runs them: the resource, decoded from JSON into Lua tables, is the global {@code obj}; the script returns a table
 * with {@code status} and {@code message}.
 */
public final class ArgoHealth {

    static final Path SNIPPET = Path.of("..", "helm", "partnerhub-operator", "argocd", "argocd-cm-health.yaml");
    private static final String KEY = "resource.customizations.health.partnerhub.dev_";

    /** Argo CD's answer: one of Healthy, Progressing, Degraded, Suspended, Missing, Unknown, and why. */
    public record Health(String status, String message) {
    }

    private final Map<String, String> scripts;

    private ArgoHealth(Map<String, String> scripts) {
        this.scripts = scripts;
    }

    /** The scripts of the snippet, by kind. */
    public static ArgoHealth load() throws IOException {
        JsonNode data = new ObjectMapper(new YAMLFactory()).readTree(SNIPPET.toFile()).path("data");
        Map<String, String> scripts = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().startsWith(KEY)) {
                scripts.put(entry.getKey().substring(KEY.length()), entry.getValue().asText());
            }
        }
        return new ArgoHealth(scripts);
    }

    public Map<String, String> scripts() {
        return scripts;
    }

    public Health of(JsonNode resource) {
        String kind = resource.path("kind").asText();
        String script = scripts.get(kind);
        if (script == null) {
            throw new AssertionError("no health check for kind " + kind + " in " + SNIPPET);
        }
        Globals lua = JsePlatform.standardGlobals();
        lua.set("obj", toLua(resource));
        LuaValue hs = lua.load(script, kind + " health.lua").call();
        return new Health(hs.get("status").optjstring(null), hs.get("message").optjstring(null));
    }

    private static LuaValue toLua(JsonNode node) {
        if (node.isObject()) {
            LuaTable table = new LuaTable();
            node.fields().forEachRemaining(e -> table.set(e.getKey(), toLua(e.getValue())));
            return table;
        }
        if (node.isArray()) {
            LuaTable table = new LuaTable();
            for (int i = 0; i < node.size(); i++) {
                table.set(i + 1, toLua(node.get(i)));
            }
            return table;
        }
        if (node.isIntegralNumber()) {
            return org.luaj.vm2.LuaInteger.valueOf(node.asLong());
        }
        if (node.isNumber()) {
            return LuaValue.valueOf(node.asDouble());
        }
        if (node.isBoolean()) {
            return LuaValue.valueOf(node.asBoolean());
        }
        return node.isNull() ? LuaValue.NIL : LuaValue.valueOf(node.asText());
    }
}
