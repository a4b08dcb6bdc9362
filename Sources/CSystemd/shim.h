#ifndef SALESD_CSYSTEMD_SHIM_H
#define SALESD_CSYSTEMD_SHIM_H

/* Swift cannot expand the C macros that would add CODE_FILE/CODE_LINE, so salesd passes
 * them as fields itself and calls the plain functions. */
#define SD_JOURNAL_SUPPRESS_LOCATION 1

#include <systemd/sd-bus.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>

/* Swift's Glibc module exports neither timerfd nor inotify. */
#include <sys/timerfd.h>
#include <sys/inotify.h>

#endif
