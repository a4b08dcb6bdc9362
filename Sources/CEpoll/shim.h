#ifndef SALESD_CEPOLL_SHIM_H
#define SALESD_CEPOLL_SHIM_H

/* Swift's Glibc module exports neither epoll nor eventfd; both are part of libc, so nothing
 * is linked. */
#include <sys/epoll.h>
#include <sys/eventfd.h>

#endif
