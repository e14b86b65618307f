#include "record_pages/small_multiples.h"

#include <algorithm>

#include "base/text.h"

namespace qahub::record_pages {

namespace {

constexpr int kLeft = 52, kTop = 30, kPlot = 120, kStep = 76, kBottom = 46;
constexpr const char* kInk = "#1d70b8";  // 5.2:1 against white
constexpr const char* kGrid = "#b1b4b6";
constexpr const char* kMuted = "#505a5f";

std::string num(long v) { return std::to_string(v); }

int x_at(size_t i) { return kLeft + kStep / 2 + static_cast<int>(i) * kStep; }
int y_at(long pm) { return kTop + kPlot - static_cast<int>(std::clamp(pm, 0L, 1000L) * kPlot / 1000); }

std::string text(int x, int y, const std::string& anchor, const std::string& s, const char* fill = nullptr) {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\"" +
         (fill ? std::string(" fill=\"") + fill + "\"" : "") + ">" + base::html_escape(s) + "</text>";
}

std::string percent_text(long pm) { return num(pm / 10) + "." + num(pm % 10) + "%"; }

}  // namespace

std::string line_chart_svg(const LineChart& ch) {
  const int width = kLeft + static_cast<int>(ch.x.size()) * kStep + 8, height = kTop + kPlot + kBottom;
  std::string s = "<svg class=\"records-chart records-multiple\" role=\"img\" aria-labelledby=\"" + ch.id + "-title " +
                  ch.id + "-desc\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\" width=\"" + num(width) +
                  "\" height=\"" + num(height) + "\" xmlns=\"http://www.w3.org/2000/svg\">";
  s += "<title id=\"" + ch.id + "-title\">" + base::html_escape(ch.title) + "</title>";
  s += "<desc id=\"" + ch.id + "-desc\">" + base::html_escape(ch.desc) + "</desc>";
  // The shared scale: 0%, 50% and 100%, the same on every chart.
  for (long pm : {0L, 500L, 1000L}) {
    const int y = y_at(pm);
    s += "<line x1=\"" + num(kLeft) + "\" y1=\"" + num(y) + "\" x2=\"" + num(width - 8) + "\" y2=\"" + num(y) +
         "\" stroke=\"" + kGrid + "\" stroke-width=\"1\"/>";
    s += text(kLeft - 6, y + 4, "end", num(pm / 10) + "%");
  }
  for (size_t i = 0; i < ch.x.size(); ++i) {
    s += text(x_at(i), kTop + kPlot + 20, "middle", ch.x[i].first);
    s += text(x_at(i), kTop + kPlot + 38, "middle", ch.x[i].second);
  }
  for (size_t b : ch.breaks) {
    const int x = x_at(b) - kStep / 2;
    s += "<line x1=\"" + num(x) + "\" y1=\"" + num(kTop - 12) + "\" x2=\"" + num(x) + "\" y2=\"" +
         num(kTop + kPlot + 6) + "\" stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"5 4\"/>";
    s += text(x + 4, 13, "start", "new scale");
  }
  // The line joins neighbouring points only: never across a gap or a break.
  auto breaks_before = [&](size_t i) { return std::find(ch.breaks.begin(), ch.breaks.end(), i) != ch.breaks.end(); };
  std::string run;
  auto flush = [&] {
    if (run.find(' ') != std::string::npos)
      s += "<polyline points=\"" + run + "\" fill=\"none\" stroke=\"" + kInk + "\" stroke-width=\"2\"/>";
    run.clear();
  };
  for (size_t i = 0; i < ch.points.size() && i < ch.x.size(); ++i) {
    if (!ch.points[i].pm || breaks_before(i)) flush();
    if (!ch.points[i].pm) continue;
    run += (run.empty() ? "" : " ") + num(x_at(i)) + "," + num(y_at(*ch.points[i].pm));
  }
  flush();
  for (size_t i = 0; i < ch.points.size() && i < ch.x.size(); ++i) {
    const LinePoint& p = ch.points[i];
    if (p.pm) {
      const int y = y_at(*p.pm);
      s += "<circle cx=\"" + num(x_at(i)) + "\" cy=\"" + num(y) + "\" r=\"4\" fill=\"" + kInk + "\"/>";
      s += text(x_at(i), y - 9, "middle", percent_text(*p.pm));
    } else {
      // A gap, in words on two lines ("not" / "shown") in the middle of the plot.
      const size_t sp = p.gap.find(' ');
      const std::string a = sp == std::string::npos ? p.gap : p.gap.substr(0, sp);
      const std::string b = sp == std::string::npos ? "" : p.gap.substr(sp + 1);
      s += text(x_at(i), kTop + kPlot / 2 - 2, "middle", a, kMuted);
      if (!b.empty()) s += text(x_at(i), kTop + kPlot / 2 + 14, "middle", b, kMuted);
    }
  }
  s += "</svg>";
  return s;
}

}  // namespace qahub::record_pages
