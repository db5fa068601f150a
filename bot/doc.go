// Package bot is claimbot's Discord front end: the slash commands, the
// message context menu, buttons and autocomplete, contradiction alerts, and
// the three ways they reach people — the Discord gateway, Discord's HTTP
// interactions endpoint, and a local console.
//
// The package is split so that almost everything is plain data and plain
// functions that can be tested without Discord:
//
//   - commands.go: the command definitions, as data, with localizations.
//   - handlers: functions from an Input (command, options, user, guild,
//     permissions, locale) to a Reply (content, embeds, components,
//     ephemeral, follow-ups). They never touch discordgo's Session.
//   - render.go: escaping and Discord's size limits (counted in runes).
//   - respond.go: the one adapter that turns a Reply into the discordgo
//     calls (first response within Discord's 3 s, deferral, edits,
//     follow-ups). The gateway, HTTP and console modes only differ in the
//     responder they hand it.
//
// Every guild reads the shared base collection and its own, and its
// moderators change only its own (tenancy.go): every handler names the
// collection of the interaction's guild when it reads or changes the
// library, and alerts go to the guilds whose views see them.
//
// Errors from the library become localized user-facing text in one place
// (errorText in text.go).
package bot
