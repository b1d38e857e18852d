# gcsim's recorder, compiled into the MicroPython unix port that `gcsim record` builds
# (py/py.mk includes every USER_C_MODULES/*/micropython.mk). The --wrap options send the
# calls other files make to these gc.c functions, to write(2) and to the unix port's
# gc_collect() through hooks.c first; py/gc.c itself is compiled unchanged.
GCSIM_RECORD_DIR := $(USERMOD_DIR)

SRC_USERMOD += \
	$(GCSIM_RECORD_DIR)/event_stream.c \
	$(GCSIM_RECORD_DIR)/hooks.c \
	$(GCSIM_RECORD_DIR)/large_objects.c \
	$(GCSIM_RECORD_DIR)/liveness.c \
	$(GCSIM_RECORD_DIR)/object_table.c \
	$(GCSIM_RECORD_DIR)/observe_lines.c

LDFLAGS_USERMOD += \
	-Wl,--wrap=gc_alloc -Wl,--wrap=gc_realloc -Wl,--wrap=gc_free -Wl,--wrap=gc_collect \
	-Wl,--wrap=gc_collect_root -Wl,--wrap=gc_info -Wl,--wrap=write -Wl,--wrap=read \
	-Wl,--wrap=recv -Wl,--wrap=recvfrom

# The liveness pass runs before every allocation: compiled for speed, not size (-O2 after the
# port's -Os wins).
$(BUILD)/gcsim_record/liveness.o: CFLAGS += -O2
