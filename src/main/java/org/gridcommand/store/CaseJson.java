package org.gridcommand.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.gridcommand.cases.Attachment;

/** Attachment lists as a JSON column: a list of small records that is always read and written whole. */
final class CaseJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseJson() {
    }

    /** Null for an empty list, so the common case stores nothing. */
    static String attachments(List<Attachment> attachments) {
        if (attachments == null || attachments.isEmpty()) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        for (Attachment a : attachments) {
            ObjectNode o = array.addObject();
            o.put("name", a.name());
            o.put("mediaType", a.mediaType());
            o.put("sizeBytes", a.sizeBytes());
            if (a.sha256() != null) {
                o.put("sha256", a.sha256());
            }
        }
        return array.toString();
    }

    static List<Attachment> attachments(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            JsonNode array = JSON.readTree(json);
            List<Attachment> result = new ArrayList<>(array.size());
            for (JsonNode o : array) {
                result.add(new Attachment(o.path("name").asText(), o.path("mediaType").asText(),
                        o.path("sizeBytes").asLong(), o.hasNonNull("sha256") ? o.get("sha256").asText() : null));
            }
            return result;
        } catch (JsonProcessingException e) {
            throw new StoreException("stored attachment list is not valid JSON: " + json, e);
        }
    }
}
