#pragma once
/// Site-root URLs of record pages. Every link between records goes through
/// these, so a URL scheme change is one edit.
#include <string>

namespace qahub::records::urls {

inline std::string cycle(const std::string& id) { return "/cycles/" + id + "/"; }
inline std::string action(const std::string& id) { return "/actions/" + id + "/"; }
inline std::string forum(const std::string& id) { return "/forums/" + id + "/"; }
inline std::string meeting(const std::string& id) { return "/meetings/" + id + "/"; }
inline std::string audit(const std::string& id) { return "/audits/" + id + "/"; }
inline std::string training(const std::string& id) { return "/training/" + id + "/"; }
inline constexpr const char* kCycles = "/cycles/";
inline constexpr const char* kActions = "/actions/";
inline constexpr const char* kForums = "/forums/";
inline constexpr const char* kAudits = "/audits/";
inline constexpr const char* kTraining = "/training/";
inline constexpr const char* kSchedules = "/schedules/";
inline constexpr const char* kTrends = "/trends/";

}  // namespace qahub::records::urls
