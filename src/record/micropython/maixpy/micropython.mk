# The MaixPy stand-ins (standin.h), compiled into the MicroPython that `gcsim record` builds
# beside the recorder (../gcsim_record/). The --wrap options send the unix port's file calls
# through paths.c, which reads /sd/… and /flash/… from the current folder.
MAIXPY_DIR := $(USERMOD_DIR)

SRC_USERMOD += \
	$(MAIXPY_DIR)/aliases.c \
	$(MAIXPY_DIR)/modboard.c \
	$(MAIXPY_DIR)/modimage.c \
	$(MAIXPY_DIR)/modkpu.c \
	$(MAIXPY_DIR)/modlcd.c \
	$(MAIXPY_DIR)/modmaix.c \
	$(MAIXPY_DIR)/modos.c \
	$(MAIXPY_DIR)/modsensor.c \
	$(MAIXPY_DIR)/modtime.c \
	$(MAIXPY_DIR)/paths.c \
	$(MAIXPY_DIR)/settings.c \
	$(MAIXPY_DIR)/standin.c

LDFLAGS_USERMOD += \
	-Wl,--wrap=open -Wl,--wrap=stat -Wl,--wrap=opendir -Wl,--wrap=mkdir -Wl,--wrap=unlink \
	-Wl,--wrap=statvfs
