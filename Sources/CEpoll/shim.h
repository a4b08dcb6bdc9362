#ifndef SALESD_CEPOLL_SHIM_H
#define SALESD_CEPOLL_SHIM_H

/* Swift's Glibc module does not export epoll; it is part of libc, so nothing is linked. */
#include <sys/epoll.h>

#endif
