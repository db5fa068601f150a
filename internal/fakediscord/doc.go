// Package fakediscord is an in-process fake of Discord for the bot's
// end-to-end tests: a REST API and a websocket gateway on 127.0.0.1 that a
// real discordgo.Session talks to, because Discord itself is never reachable
// from the build machines.
//
// The fake is deliberately strict. Every REST request is checked against
// Discord's published OpenAPI document (../shared/discord-api-spec/openapi.json
// beside the repository) plus the limits that document does not encode
// (command-name syntax, required options first, the 6000-character embed
// total, …) and the team's own rules (allowed_mentions on everything that
// carries text). A violation fails the test with t.Errorf and, where Discord
// would refuse the request, the bot gets Discord's 400 answer, so a test sees
// what production would.
//
// Pointing a session at the fake needs only an http.RoundTripper that
// rewrites https://discord.com to Server.URL; the gateway address comes from
// the fake's GET /gateway answer, as it does from Discord's.
//
//	fake := fakediscord.New(t)
//	s, _ := discordgo.New("Bot test")
//	s.Client = &http.Client{Transport: rewriteTo(fake.URL())} // the bot's own RoundTripper
//	s.Identify.Intents = discordgo.IntentsGuilds
//	_ = s.Open()
//	_ = fake.WaitReady(ctx)
//	i := fake.Interact(fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Kursk")).
//		InGuild(fakediscord.DefaultGuildID, fakediscord.Member(userID, perms)).Locale("de").Build())
//	req, err := fake.WaitFor(ctx, fakediscord.Op("create_interaction_response"))
//	msgs := fake.InteractionMessages(i.Token) // what the user sees now
//
// Tests that provoke violations on purpose use CollectViolations and assert
// on Violations; Inject scripts failures (RateLimited, Status, APIError);
// DropGateway and WaitResumed exercise RESUME.
//
// Files are split by concern: server.go (state and queries), rest.go (REST
// routes), gateway.go (websocket gateway), openapi.go and limits.go
// (validation), faults.go (scripted failures), builders.go (interaction
// payloads) and sign.go (HTTP-interaction signatures).
package fakediscord
