/* A stand-in ID card reader SDK: both the termb and the sdtapi interface of
 * clerk_app/app/idcard.py, compiled by tests/helpers/idcard_standin.py with gcc.
 *
 * The card is read from files named by the environment, at each call:
 *   IDCARD_STANDIN_TEXT   the 256-byte base message (UCS-2 LE)
 *   IDCARD_STANDIN_PHOTO  the photo (BMP for termb, the WLT bytes for sdtapi)
 *   IDCARD_STANDIN_MODE   ok (default) | no-reader | no-card | removed | removed-select |
 *                         silent (termb: Read_Content says 1 but writes nothing)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int port_open = 0;

static const char *mode(void) {
    const char *m = getenv("IDCARD_STANDIN_MODE");
    return m ? m : "ok";
}

static int is(const char *m) { return strcmp(mode(), m) == 0; }

static long slurp(const char *env, unsigned char *out, long max) {
    const char *path = getenv(env);
    if (!path) return -1;
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    long n = (long)fread(out, 1, (size_t)max, f);
    fclose(f);
    return n;
}

static int copy_to(const char *env, const char *name) {
    unsigned char buf[65536];
    long n = slurp(env, buf, sizeof buf);
    if (n < 0) return 0;
    FILE *f = fopen(name, "wb");
    if (!f) return 0;
    fwrite(buf, 1, (size_t)n, f);
    fclose(f);
    return 1;
}

/* -- termb ------------------------------------------------------------------------- */

int InitComm(int port) {
    if (is("no-reader") || port < 1) return 0;
    port_open = 1;
    return 1;
}

int CloseComm(void) {
    port_open = 0;
    return 1;
}

int Authenticate(void) {
    if (!port_open || is("no-card")) return 0;
    return 1;
}

int Read_Content(int active) {
    if (!port_open || active != 1 || is("removed")) return 0;
    if (is("silent")) return 1;
    if (!copy_to("IDCARD_STANDIN_TEXT", "wz.txt")) return 0;
    copy_to("IDCARD_STANDIN_PHOTO", "zp.bmp");
    return 1;
}

/* -- sdtapi ------------------------------------------------------------------------ */

int SDT_OpenPort(int port) {
    if (is("no-reader") || port < 1) return 0x01;
    port_open = 1;
    return 0x90;
}

int SDT_ClosePort(int port) {
    (void)port;
    port_open = 0;
    return 0x90;
}

int SDT_StartFindIDCard(int port, unsigned char *mana, int if_open) {
    (void)port; (void)if_open;
    if (!port_open || is("no-card")) return 0x80;
    memset(mana, 0, 8);
    return 0x9f;
}

int SDT_SelectIDCard(int port, unsigned char *mana, int if_open) {
    (void)port; (void)if_open;
    if (!port_open || is("removed-select")) return 0x81;
    memset(mana, 0, 8);
    return 0x90;
}

int SDT_ReadBaseMsg(int port, unsigned char *text, unsigned int *text_len,
                    unsigned char *photo, unsigned int *photo_len, int if_open) {
    (void)port; (void)if_open;
    if (!port_open || is("removed")) return 0x41;
    long n = slurp("IDCARD_STANDIN_TEXT", text, 256);
    long m = slurp("IDCARD_STANDIN_PHOTO", photo, 1024);
    if (n < 0) return 0x41;
    *text_len = (unsigned int)n;
    *photo_len = m < 0 ? 0 : (unsigned int)m;
    return 0x90;
}
