#include "JpegDecoder.h"

#include <csetjmp>
#include <cstdio> // jpeglib.h needs FILE and size_t declared first

#include <jpeglib.h>

namespace rs::imaging {

namespace {

// A progressive file can hold any number of scans, each a pass over the whole image; a
// hostile one makes decoding take minutes. libjpeg-turbo's djpeg limits them the same way
// (-maxscans, in a progress monitor).
constexpr int kMaxScans = 500;

struct ErrorManager {
    jpeg_error_mgr pub;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX] = {};
    char warning[JMSG_LENGTH_MAX] = {};
};

[[noreturn]] void onFatalError(j_common_ptr cinfo) {
    auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, err->message);
    std::longjmp(err->jump, 1);
}

// Warnings (corrupt data libjpeg decodes past) are kept, the first one, not printed.
void onMessage(j_common_ptr cinfo) {
    auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
    if (err->warning[0] == '\0')
        (*cinfo->err->format_message)(cinfo, err->warning);
}

void onProgress(j_common_ptr cinfo) {
    auto* d = reinterpret_cast<j_decompress_ptr>(cinfo);
    if (d->input_scan_number > kMaxScans) {
        auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
        std::snprintf(err->message, sizeof err->message, "more than %d scans", kMaxScans);
        std::longjmp(err->jump, 1);
    }
}

// Everything that can fail inside libjpeg, called between setjmp and the cleanup; it
// holds no object with a destructor, so a longjmp out of it skips nothing. An empty
// result is success; otherwise a refusal decided here (not a libjpeg error).
const char* readPixels(jpeg_decompress_struct& cinfo, jpeg_progress_mgr& progress,
                       const std::string& bytes, std::size_t maxBytes, JpegPixels& out) {
    cinfo.progress = &progress;
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&cinfo, TRUE);
    jpeg_calc_output_dimensions(&cinfo);
    const std::size_t rowBytes = std::size_t(cinfo.output_width) * cinfo.output_components;
    if (cinfo.output_height > 0 && rowBytes > maxBytes / cinfo.output_height)
        return "too large";
    jpeg_start_decompress(&cinfo);
    out.width = int(cinfo.output_width);
    out.height = int(cinfo.output_height);
    out.components = cinfo.output_components;
    out.data.assign(rowBytes * cinfo.output_height, 0);
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = out.data.data() + rowBytes * cinfo.output_scanline;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    return nullptr;
}

} // namespace

std::string decodeJpeg(const std::string& bytes, std::size_t maxBytes, JpegPixels& out) {
    jpeg_decompress_struct cinfo{};
    ErrorManager err{};
    jpeg_progress_mgr progress{};
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = onFatalError;
    err.pub.output_message = onMessage;
    progress.progress_monitor = onProgress;
    // libjpeg's example.c pattern: the objects above live in memory (libjpeg holds their
    // addresses) and this function changes none of them itself after setjmp, so after a
    // longjmp they hold what libjpeg wrote; nothing with a destructor is live across it.
    if (setjmp(err.jump) != 0) {
        jpeg_destroy_decompress(&cinfo);
        out = JpegPixels{};
        return std::string("the JPEG decoder could not read the file (") + err.message + ")";
    }
    jpeg_create_decompress(&cinfo);
    const char* refused = readPixels(cinfo, progress, bytes, maxBytes, out);
    std::string problem;
    if (refused)
        problem = "JPEG image too large for the image view (" + std::to_string(cinfo.output_width) +
                  "x" + std::to_string(cinfo.output_height) + ")";
    jpeg_destroy_decompress(&cinfo);
    if (problem.empty())
        out.warning = err.warning;
    else
        out = JpegPixels{};
    return problem;
}

} // namespace rs::imaging
