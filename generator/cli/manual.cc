#include "cli/manual.h"

#include <CLI/CLI.hpp>

#include <set>
#include <vector>

namespace qahub::cli {
namespace {

/// Commands shown in --help (a hidden one has an empty group).
std::vector<const CLI::App*> visible_commands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
}

std::vector<const CLI::Option*> named_options(const CLI::App& app) {
  return app.get_options([](const CLI::Option* o) { return !o->get_positional() && !o->get_group().empty(); });
}

std::vector<const CLI::Option*> positionals(const CLI::App& app) {
  return app.get_options([](const CLI::Option* o) { return o->get_positional(); });
}

bool takes_value(const CLI::Option& o) { return o.get_type_size_max() > 0; }

/// Text for roff: a backslash doubled as \e, a line starting with '.' or '\''
/// guarded with \&, and hyphens in option names written \- by the caller.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else
      out += c;
    line_start = c == '\n';
  }
  return out;
}

std::string roff_option_name(const std::string& name) {
  std::string out;
  for (char c : name) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return "\\fB" + out + "\\fR";
}

/// "-s, --site SITE" as roff.
std::string option_heading(const CLI::Option& o) {
  std::string s;
  for (const std::string& n : o.get_snames()) s += (s.empty() ? "" : ", ") + roff_option_name("-" + n);
  for (const std::string& n : o.get_lnames()) s += (s.empty() ? "" : ", ") + roff_option_name("--" + n);
  if (takes_value(o)) {
    std::string value = o.get_lnames().empty() ? "VALUE" : o.get_lnames().front();
    for (char& c : value) c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    s += " \\fI" + value + "\\fR";
  }
  return s;
}

void command_section(const CLI::App& cmd, const std::string& path, std::string& out) {
  std::string usage = path;
  for (const CLI::Option* p : positionals(cmd))
    usage += p->get_required() ? " " + p->get_name(true) : " [" + p->get_name(true) + "]";
  if (!named_options(cmd).empty()) usage += " [OPTIONS]";
  if (!visible_commands(cmd).empty()) usage += " COMMAND";
  out += ".SS \"" + roff(usage) + "\"\n" + roff(cmd.get_description()) + "\n";
  for (const CLI::Option* p : positionals(cmd))
    out += ".TP\n\\fI" + p->get_name(true) + "\\fR\n" + roff(p->get_description()) + "\n";
  for (const CLI::Option* o : named_options(cmd))
    out += ".TP\n" + option_heading(*o) + "\n" + roff(o->get_description()) + "\n";
  for (const CLI::App* sub : visible_commands(cmd)) command_section(*sub, path + " " + sub->get_name(), out);
}

std::string words(const std::vector<std::string>& list) {
  std::string s;
  for (const std::string& w : list) s += (s.empty() ? "" : " ") + w;
  return s;
}

std::vector<std::string> option_words(const CLI::App& cmd) {
  std::vector<std::string> out;
  for (const CLI::Option* o : named_options(cmd)) {
    for (const std::string& n : o->get_lnames()) out.push_back("--" + n);
    for (const std::string& n : o->get_snames()) out.push_back("-" + n);
  }
  return out;
}

void completion_cases(const CLI::App& cmd, const std::string& path, std::string& out,
                      std::set<std::string>& value_options) {
  std::vector<std::string> subs;
  for (const CLI::App* sub : visible_commands(cmd)) subs.push_back(sub->get_name());
  for (const CLI::Option* o : named_options(cmd))
    if (takes_value(*o)) {
      for (const std::string& n : o->get_lnames()) value_options.insert("--" + n);
      for (const std::string& n : o->get_snames()) value_options.insert("-" + n);
    }
  out += "    \"" + path + "\") opts=\"" + words(option_words(cmd)) + "\"; subs=\"" + words(subs) + "\" ;;\n";
  for (const CLI::App* sub : visible_commands(cmd))
    completion_cases(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out, value_options);
}

}  // namespace

std::string man_page(const CLI::App& app, const std::string& version) {
  std::string name = app.get_description();
  if (name.rfind("qahub: ", 0) == 0) name = name.substr(7);
  std::string out = ".\\\" Made by `qahub manual` from the text of qahub --help.\n";
  out += ".TH QAHUB 1 \"\" \"qahub " + version + "\" \"User Commands\"\n";
  out += ".SH NAME\nqahub \\- " + roff(name) + "\n";
  out +=
      ".SH SYNOPSIS\n.B qahub\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n.br\n.B qahub\n\\fB\\-\\-help\\fR | "
      "\\fB\\-\\-version\\fR\n";
  out += ".SH DESCRIPTION\n" + roff(app.get_description()) +
         "\n.PP\nEach command takes \\fB\\-\\-help\\fR for the text below. Diagnostics are printed as "
         "\\fIpath\\fR:\\fIline\\fR:\\fIcol\\fR: error: \\fImessage\\fR, paths relative to the site.\n";
  out += ".SH COMMANDS\n";
  for (const CLI::App* sub : visible_commands(app)) command_section(*sub, "qahub " + sub->get_name(), out);
  out += ".SH EXIT STATUS\n" + roff(app.get_footer()) + "\n";
  out +=
      ".SH SEE ALSO\nThe README of the qahub source, which documents the content model, qahub.yaml and the "
      "themes.\n";
  return out;
}

std::string bash_completion(const CLI::App& app) {
  std::string cases;
  std::set<std::string> value_options;
  completion_cases(app, "", cases, value_options);
  std::set<std::string> dir_options;
  for (const char* o : {"--site", "-s", "--out", "-d", "--cache-dir"})
    if (value_options.count(o)) dir_options.insert(o);
  std::string dir_pattern, value_pattern;
  for (const std::string& o : dir_options) dir_pattern += (dir_pattern.empty() ? "" : "|") + o;
  for (const std::string& o : value_options) value_pattern += (value_pattern.empty() ? "" : "|") + o;
  std::string out = R"(# bash completion for qahub; made by `qahub completion bash` from its --help.
_qahub() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local path="" opts subs i w skip=0
  # The command path so far (`new site`): words that are not options or
  # the values of options.
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if ((skip)); then skip=0; continue; fi
    case $w in
      )" + value_pattern +
                    R"() skip=1 ;;
      -*) ;;
      *) _qahub_words "$path"
         if [[ " $subs " == *" $w "* ]]; then path=${path:+$path }$w; fi ;;
    esac
  done
  case $prev in
    )" + dir_pattern +
                    R"() COMPREPLY=($(compgen -d -- "$cur")); return ;;
    )" + value_pattern +
                    R"() COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  _qahub_words "$path"
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [[ -n $subs ]]; then
    COMPREPLY=($(compgen -W "$subs" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
_qahub_words() {
  case $1 in
)" + cases + R"(    *) opts=""; subs="" ;;
  esac
}
complete -o filenames -F _qahub qahub
)";
  return out;
}

}  // namespace qahub::cli
