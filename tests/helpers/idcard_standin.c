/* A stand-in ID card reader SDK: both the termb and the sdtapi interface of
 * clerk_app/app/idcard.py, compiled by tests/helpers/idcard_standin.py with gcc.
 *
 * The card is read from files named by the environment, at each call:
 *   IDCARD_STANDIN_TEXT   the 256-byte base message (UCS-2 LE)
 *   IDCARD_STANDIN_PHOTO  the photo (BMP for termb, the WLT bytes for sdtapi)
 *   IDCARD_STANDIN_MODE   ok (default) | no-reader | no-card | removed | removed-select |
 *                         silent (termb: Read_Content says 1 but writes nothing) |
 *                         crash (the process aborts in the card search) |
 *                         hang (the card search never returns) |
 *                         chatty (the library prints to standard output, as some do) |
 *                         unlicensed (GetBmp refuses: -5);
 *                         "@path": the mode is read from that file at each call (a helper
 *                         process started once changes its mode as the test goes)
 *
 * It is also a stand-in WLT photo decoder: GetBmp(wlt_path, intf) writes a fixture BMP
 * (102 x 126, one colour: tests/helpers/idcard_standin.py DECODED_BMP) beside the file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int port_open = 0;
static char mode_buf[64];

static const char *mode(void) {
    const char *m = getenv("IDCARD_STANDIN_MODE");
    if (!m) return "ok";
    if (m[0] != '@') return m;
    FILE *f = fopen(m + 1, "rb");
    if (!f) return "ok";
    size_t n = fread(mode_buf, 1, sizeof mode_buf - 1, f);
    fclose(f);
    while (n > 0 && (mode_buf[n - 1] == '\n' || mode_buf[n - 1] == ' ')) n--;
    mode_buf[n] = 0;
    return mode_buf;
}

/* The failures of a misbehaving vendor library, at the start of a card search. */
static void misbehave(void) {
    if (strcmp(mode(), "crash") == 0) abort();
    if (strcmp(mode(), "hang") == 0) {
        for (;;) sleep(60);
    }
    if (strcmp(mode(), "chatty") == 0) {
        printf("reader firmware 1.0 ready\n");
        fflush(stdout);
    }
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
    misbehave();
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
    misbehave();
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

/* -- the WLT decoder (WltRS.dll / libwlt.so) ---------------------------------------- */

#define BMP_W 102
#define BMP_H 126

static void put32(unsigned char *p, unsigned int v) {
    p[0] = v & 0xff; p[1] = (v >> 8) & 0xff; p[2] = (v >> 16) & 0xff; p[3] = (v >> 24) & 0xff;
}

int GetBmp(char *wlt_path, int intf) {
    if (is("unlicensed")) return -5;
    if (intf != 1 && intf != 2) return -6;
    size_t len = strlen(wlt_path);
    if (len < 4 || strcmp(wlt_path + len - 4, ".wlt") != 0) return -2;
    FILE *in = fopen(wlt_path, "rb");
    if (!in) return -3;
    unsigned char wlt[1024];
    size_t n = fread(wlt, 1, sizeof wlt, in);
    fclose(in);
    if (n != sizeof wlt) return -4;

    int row = ((BMP_W * 3 + 3) / 4) * 4;
    unsigned int pixels = (unsigned int)(row * BMP_H);
    unsigned char head[54] = {'B', 'M'};
    put32(head + 2, 54 + pixels);
    put32(head + 10, 54);
    put32(head + 14, 40);
    put32(head + 18, BMP_W);
    put32(head + 22, BMP_H);
    head[26] = 1;
    head[28] = 24;
    put32(head + 34, pixels);
    put32(head + 38, 2835);
    put32(head + 42, 2835);

    char out_path[4096];
    if (len >= sizeof out_path) return -3;
    memcpy(out_path, wlt_path, len - 4);
    strcpy(out_path + len - 4, ".bmp");
    FILE *out = fopen(out_path, "wb");
    if (!out) return -3;
    fwrite(head, 1, sizeof head, out);
    unsigned char line[BMP_W * 3 + 4];
    memset(line, 0, sizeof line);
    for (int x = 0; x < BMP_W; x++) {  /* blue-green-red: the colour (30, 90, 200) */
        line[x * 3] = 200; line[x * 3 + 1] = 90; line[x * 3 + 2] = 30;
    }
    for (int y = 0; y < BMP_H; y++) fwrite(line, 1, (size_t)row, out);
    fclose(out);
    return 1;
}
