// The run's settings (standin.h), from the environment `gcsim record` gives the child
// (record_script.cpp). gcsim checks the syntax before it starts the script; here a malformed
// entry is skipped.
#include <stdlib.h>
#include <string.h>

#include "standin.h"
#include "py/obj.h"

// Values per forward() when nothing names the model: a 1000-class classifier.
#define DEFAULT_KPU_OUTPUT 1000
// Detections per run_yolo2 call, cycled: 7 frames in 20 with none, 9 with one, 3 with two, 1
// with three, the mix of faces in view that `gcsim synth yolo-face` models.
#define DEFAULT_DETECTIONS "1,0,2,1,0,1,1,3,0,1,2,0,1,1,0,2,1,0,1,0"
// Maix.utils.gc_heap_size() of a board left at the firmware's default.
#define DEFAULT_HEAP_BYTES 524288

const standin_settings_t *standin_settings(void) {
    static standin_settings_t settings;
    static bool read;
    if (!read) {
        const char *frames = getenv("GCSIM_FRAMES");
        settings.frames = frames != NULL && *frames != '\0' ? atol(frames) : -1;
        settings.kpu_output = getenv("GCSIM_KPU_OUTPUT");
        settings.detections = getenv("GCSIM_DETECTIONS");
        if (settings.detections == NULL || *settings.detections == '\0') {
            settings.detections = DEFAULT_DETECTIONS;
        }
        const char *heap = getenv("GCSIM_HEAP_BYTES");
        settings.heap_bytes = heap != NULL && *heap != '\0' ? atol(heap) : DEFAULT_HEAP_BYTES;
        read = true;
    }
    return &settings;
}

// Does `key` (the text before '=' in a GCSIM_KPU_OUTPUT entry) name `model`?
static bool key_names_model(const char *key, size_t key_len, mp_obj_t model) {
    if (mp_obj_is_int(model)) {
        char text[32];
        if (key_len == 0 || key_len >= sizeof(text)) {
            return false;
        }
        memcpy(text, key, key_len);
        text[key_len] = '\0';
        char *end;
        long value = strtol(text, &end, 0);
        return *end == '\0' && value == mp_obj_get_int(model);
    }
    if (mp_obj_is_str(model)) {
        size_t len;
        const char *path = mp_obj_str_get_data(model, &len);
        return len == key_len && memcmp(path, key, len) == 0;
    }
    return false;
}

size_t standin_kpu_output_for(mp_obj_t model) {
    const char *spec = standin_settings()->kpu_output;
    size_t fallback = DEFAULT_KPU_OUTPUT;
    for (const char *p = spec; p != NULL && *p != '\0';) {
        const char *end = strchr(p, ',');
        size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
        const char *eq = memchr(p, '=', len);
        if (eq == NULL) {
            fallback = (size_t)strtoul(p, NULL, 10);
        } else if (key_names_model(p, (size_t)(eq - p), model)) {
            return (size_t)strtoul(eq + 1, NULL, 10);
        }
        p = end != NULL ? end + 1 : p + len;
    }
    return fallback;
}

size_t standin_detections_for(uint64_t call) {
    const char *spec = standin_settings()->detections;
    size_t n_entries = 1;
    for (const char *p = spec; *p != '\0'; ++p) {
        n_entries += *p == ',';
    }
    uint64_t wanted = call % n_entries;
    const char *p = spec;
    for (uint64_t i = 0; i < wanted; ++i) {
        p = strchr(p, ',') + 1;
    }
    return (size_t)strtoul(p, NULL, 10);
}
