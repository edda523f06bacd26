# python/python.mk - the Python package `dyad` (included by the Makefile).
#
# The extension python/_dyad.c is linked with the library's sources built
# again as position-independent code under $(BUILD)/pic, so the module needs
# no installed libdyad.so; the package is assembled in $(BUILD)/python
# (PYTHONPATH=$(BUILD)/python for the tests), `make install-python` puts it
# where the system's python3 finds it.  Not built under the sanitizers: an
# instrumented module cannot be loaded into an uninstrumented python3.
PYTHON  ?= /usr/bin/python3
PREFIX  ?= /usr/local
PY_OK   := $(shell $(PYTHON)-config --includes >/dev/null 2>&1 && echo yes)

ifeq ($(PY_OK),yes)
PY_INCLUDES := $(shell $(PYTHON)-config --includes)
PY_EXT  := $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
PY_VER  := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')
# Debian's python3 reads /usr/lib/python3/dist-packages and
# /usr/local/lib/python3.X/dist-packages.
PYTHON_SITE ?= $(if $(filter /usr,$(PREFIX)),$(PREFIX)/lib/python3/dist-packages,$(PREFIX)/lib/python$(PY_VER)/dist-packages)
PY_DIR  := $(BUILD)/python/dyad
PY_SO   := $(PY_DIR)/_dyad$(PY_EXT)
PY_SRC  := $(wildcard python/dyad/*.py)
PY_OUT  := $(PY_SRC:python/dyad/%=$(PY_DIR)/%)
PIC_OBJ := $(LIB_SRC:%.c=$(BUILD)/pic/%.o)

.PHONY: python install-python uninstall-python
python: $(PY_SO) $(PY_OUT)

$(BUILD)/pic/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -fPIC -c -o $@ $<

$(PY_SO): python/_dyad.c $(PIC_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -MF $(BUILD)/pic/_dyad.d -fPIC $(PY_INCLUDES) -shared -o $@ python/_dyad.c $(PIC_OBJ) $(PKG_LIBS) -lpthread -lm

$(PY_DIR)/%.py: python/dyad/%.py
	@mkdir -p $(@D)
	cp $< $@

ifeq ($(findstring sanitize,$(OPT)),)
tests: python
bench: python
endif

# The package, and the data it reads under PREFIX/share/dyad (as make
# install puts it), named in the package's _config.py.
install-python: python
	install -d $(DESTDIR)$(PYTHON_SITE)/dyad $(DESTDIR)$(PREFIX)/share/dyad
	install -m 644 $(PY_OUT) $(DESTDIR)$(PYTHON_SITE)/dyad/
	install -m 755 $(PY_SO) $(DESTDIR)$(PYTHON_SITE)/dyad/
	echo 'DATA_DIR = "$(PREFIX)/share/dyad"' > $(DESTDIR)$(PYTHON_SITE)/dyad/_config.py
	cp -R data/. $(DESTDIR)$(PREFIX)/share/dyad/

uninstall-python:
	rm -rf $(DESTDIR)$(PYTHON_SITE)/dyad

-include $(PIC_OBJ:.o=.d)
else
python install-python uninstall-python:
	@echo "python: $(PYTHON)-config not found: install python3-dev (sh setup.sh does)"; false
endif
