CREATE SEQUENCE "public"."accountability_complaint_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."accountability_exception_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."accountability_incident_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "instance_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"org_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"role" text NOT NULL,
	"source" text DEFAULT 'local' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_user_id_org_id_role_pk" PRIMARY KEY("user_id","org_id","role")
);
--> statement-breakpoint
CREATE TABLE "oidc_logins" (
	"state" text PRIMARY KEY NOT NULL,
	"code_verifier" text NOT NULL,
	"nonce" text NOT NULL,
	"return_to" text DEFAULT '/' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"auth_method" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text,
	"locale" text DEFAULT 'de' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"oidc_issuer" text,
	"oidc_subject" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"id" text PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_label" text,
	"org_id" uuid,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"before" jsonb,
	"after" jsonb,
	"metadata" jsonb,
	"request_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "rate_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "registry_deployments" (
	"model_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"upstream_model" text NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "registry_deployments_model_id_provider_id_pk" PRIMARY KEY("model_id","provider_id")
);
--> statement-breakpoint
CREATE TABLE "registry_fallbacks" (
	"model_id" text NOT NULL,
	"fallback_model_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "registry_fallbacks_model_id_fallback_model_id_pk" PRIMARY KEY("model_id","fallback_model_id")
);
--> statement-breakpoint
CREATE TABLE "registry_history" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"version" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"actor_label" text NOT NULL,
	"org_id" uuid,
	"action" text NOT NULL,
	"reason" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "registry_models" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"revision" text NOT NULL,
	"status" text NOT NULL,
	"status_reason" jsonb NOT NULL,
	"exclusion_category" text,
	"last_review" date,
	"next_review_due" date,
	"card" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"origin" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_org_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"effect" text NOT NULL,
	"roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_providers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"zone" text NOT NULL,
	"jurisdiction" text NOT NULL,
	"location" text,
	"adapter" text,
	"base_url" text,
	"api_key_ciphertext" text,
	"api_key_env" text,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"status_reason" jsonb NOT NULL,
	"origin" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_weights" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"weights" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_usage" (
	"org_id" uuid NOT NULL,
	"month" text NOT NULL,
	"used_tokens" bigint DEFAULT 0 NOT NULL,
	"reserved_tokens" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "budget_usage_org_id_month_pk" PRIMARY KEY("org_id","month")
);
--> statement-breakpoint
CREATE TABLE "org_limits" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"monthly_token_budget" bigint,
	"requests_per_minute_per_user" integer,
	"requests_per_minute_per_key" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid,
	"api_key_id" uuid,
	"purpose" text NOT NULL,
	"kind" text NOT NULL,
	"model_id" text NOT NULL,
	"model_revision" text,
	"provider_id" text,
	"provider_zone" text,
	"fallback_from" text,
	"tokens_in" integer DEFAULT 0 NOT NULL,
	"tokens_out" integer DEFAULT 0 NOT NULL,
	"usage_estimated" boolean DEFAULT false NOT NULL,
	"ttft_ms" integer,
	"duration_ms" integer NOT NULL,
	"outcome" text NOT NULL,
	"error_code" text,
	"energy_wh" double precision DEFAULT 0 NOT NULL,
	"co2e_grams" double precision DEFAULT 0 NOT NULL,
	"water_ml" double precision DEFAULT 0 NOT NULL,
	"energy_method" text NOT NULL,
	"request_id" text NOT NULL,
	"provenance_id" uuid,
	"conversation_id" uuid,
	"assistant_id" uuid,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"guard" jsonb,
	"prompt_hash" text NOT NULL,
	"prompt_text" jsonb,
	"output_text" text,
	"retain_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"org_id" uuid NOT NULL,
	"created_by" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer,
	"progress_message" text,
	"checkpoint" jsonb,
	"result" jsonb,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workflow_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"tool" text NOT NULL,
	"effect" text NOT NULL,
	"arguments" jsonb NOT NULL,
	"preview" jsonb NOT NULL,
	"status" text NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_by_user_id" uuid,
	"proposed_at" timestamp with time zone NOT NULL,
	"model_report" jsonb,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"result" jsonb,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "workflow_case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"actor" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"workflow_id" text NOT NULL,
	"definition_version" integer NOT NULL,
	"definition_hash" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"batch_job_id" uuid,
	"input" jsonb NOT NULL,
	"evaluation" jsonb NOT NULL,
	"suggested_outcome" text NOT NULL,
	"risk_class" text NOT NULL,
	"risk_class_source" text NOT NULL,
	"register_use_case_id" text,
	"submitted_by" text NOT NULL,
	"submitted_by_user_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"draft_request" jsonb,
	"draft_report" jsonb,
	"draft_text" text,
	"draft_error" jsonb,
	"drafted_at" timestamp with time zone,
	"working_text" text,
	"decision" text,
	"decided_outcome" text,
	"decision_note" text,
	"final_text" text,
	"decided_by" text,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"sent_to" text,
	"sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_channels" (
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"label" text NOT NULL,
	"webhook_ciphertext" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_channels_org_id_name_pk" PRIMARY KEY("org_id","name")
);
--> statement-breakpoint
CREATE TABLE "workflow_definitions" (
	"workflow_id" text NOT NULL,
	"version" integer NOT NULL,
	"hash" text NOT NULL,
	"definition" jsonb NOT NULL,
	"origin" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_definitions_workflow_id_version_pk" PRIMARY KEY("workflow_id","version")
);
--> statement-breakpoint
CREATE TABLE "workflow_register_links" (
	"org_id" uuid NOT NULL,
	"workflow_id" text NOT NULL,
	"use_case_id" text NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_register_links_org_id_workflow_id_pk" PRIMARY KEY("org_id","workflow_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_category_scores" (
	"run_id" uuid NOT NULL,
	"category" text NOT NULL,
	"score" double precision NOT NULL,
	"ci_low" double precision NOT NULL,
	"ci_high" double precision NOT NULL,
	"n" integer NOT NULL,
	"passed_items" integer NOT NULL,
	"threshold_passed" boolean NOT NULL,
	"detail" jsonb NOT NULL,
	"outcome" jsonb NOT NULL,
	CONSTRAINT "evaluation_category_scores_run_id_category_pk" PRIMARY KEY("run_id","category")
);
--> statement-breakpoint
CREATE TABLE "evaluation_datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"item_count" integer NOT NULL,
	"problem_count" integer NOT NULL,
	"problems" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_datasets_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "evaluation_item_results" (
	"run_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"category" text NOT NULL,
	"method" text NOT NULL,
	"language" text NOT NULL,
	"passed" boolean NOT NULL,
	"biased" boolean NOT NULL,
	"refused" boolean NOT NULL,
	"invalid" boolean NOT NULL,
	"result" jsonb NOT NULL,
	CONSTRAINT "evaluation_item_results_run_id_item_id_pk" PRIMARY KEY("run_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_responses" (
	"run_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"variant" text NOT NULL,
	"status" text NOT NULL,
	"messages" jsonb NOT NULL,
	"request" jsonb NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"error" text,
	"served_model" text,
	"served_revision" text,
	"provider" text,
	"provenance_id" text,
	"prompt_tokens" integer,
	"completion_tokens" integer,
	"latency_ms" integer,
	"attempts" integer DEFAULT 1 NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_responses_run_id_item_id_variant_pk" PRIMARY KEY("run_id","item_id","variant")
);
--> statement-breakpoint
CREATE TABLE "evaluation_run_items" (
	"run_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"position" integer NOT NULL,
	"item" jsonb NOT NULL,
	CONSTRAINT "evaluation_run_items_run_id_item_id_pk" PRIMARY KEY("run_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" text NOT NULL,
	"model_revision" text NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"trigger" text NOT NULL,
	"selection" jsonb NOT NULL,
	"settings" jsonb NOT NULL,
	"items_hash" text NOT NULL,
	"item_count" integer NOT NULL,
	"prompt_count" integer NOT NULL,
	"job_id" uuid,
	"started_by" text NOT NULL,
	"note" text,
	"passed" boolean,
	"score" double precision,
	"summary" jsonb,
	"consequence" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evaluation_schedules" (
	"model_id" text PRIMARY KEY NOT NULL,
	"interval_days" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"selection" jsonb NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"last_run_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_thresholds" (
	"category" text PRIMARY KEY NOT NULL,
	"min_score" double precision NOT NULL,
	"max_abs_bbq_bias" double precision,
	"on_fail" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provenance_disclosures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"item_type" text NOT NULL,
	"image_id" uuid,
	"provenance_id" uuid,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"channel" text NOT NULL,
	"label" jsonb NOT NULL,
	"models" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "provenance_images" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"filename" text NOT NULL,
	"mime_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"origin" text NOT NULL,
	"photorealistic" boolean DEFAULT false NOT NULL,
	"generator" text,
	"model_id" text,
	"provenance_id" uuid,
	"prompts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"creator" text,
	"credit_line" jsonb NOT NULL,
	"digital_source_type" text NOT NULL,
	"visible_label" jsonb,
	"c2pa" jsonb NOT NULL,
	"original_sha256" text NOT NULL,
	"labelled_sha256" text NOT NULL,
	"picture_hash" text NOT NULL,
	"storage_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provenance_media" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"creator" text NOT NULL,
	"licence" text NOT NULL,
	"licence_url" text,
	"source_url" text,
	"fee_cents" integer,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"image_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"listed_publicly" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provenance_media_usages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"media_id" uuid NOT NULL,
	"used_in" text NOT NULL,
	"channel" text NOT NULL,
	"used_on" date,
	"url" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_assistants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"starter_key" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"system_prompt" text NOT NULL,
	"model_id" text,
	"knowledge_collection_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"example_inputs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"needs_vision" boolean DEFAULT false NOT NULL,
	"hidden_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"assistant_id" uuid,
	"model_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_guidelines" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"dos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"donts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"privacy" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"document_url" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	"content" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'complete' NOT NULL,
	"model_id" text,
	"label" jsonb,
	"provenance_id" uuid,
	"tokens_in" integer,
	"tokens_out" integer,
	"energy_wh" double precision,
	"co2e_grams" double precision,
	"citations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"knowledge_outcome" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accountability_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accountability_complaint_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"status" text,
	"public_message" jsonb,
	"internal_note" text,
	"actor_label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accountability_complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_number" text NOT NULL,
	"org_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"category" text NOT NULL,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"locale" text DEFAULT 'de' NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"outcome" text,
	"day_count" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"acknowledge_due_date" date NOT NULL,
	"acknowledge_due_at" timestamp with time zone NOT NULL,
	"decision_due_date" date NOT NULL,
	"decision_due_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"acknowledge_escalated_at" timestamp with time zone,
	"decision_escalated_at" timestamp with time zone,
	"assignee_user_id" uuid,
	"assignee_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accountability_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"org_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"model_id" text,
	"use_case" text NOT NULL,
	"category" text NOT NULL,
	"justification" text NOT NULL,
	"data_classes" text[] DEFAULT '{}'::text[] NOT NULL,
	"person_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requester_person" text NOT NULL,
	"requester_label" text NOT NULL,
	"requester_user_id" uuid,
	"decided_by_person" text,
	"decided_by_label" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"conditions" text,
	"ended_at" timestamp with time zone,
	"ended_by_label" text,
	"end_reason" text,
	"reminders_sent" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"expiry_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accountability_incident_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"owner_label" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"done_note" text,
	"overdue_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accountability_incident_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_label" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accountability_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"location" text NOT NULL,
	"occurred_at" timestamp with time zone,
	"model_id" text,
	"content_ref" text,
	"reporter_person" text NOT NULL,
	"reporter_label" text NOT NULL,
	"reporter_user_id" uuid,
	"status" text DEFAULT 'reported' NOT NULL,
	"severity" text,
	"triaged_at" timestamp with time zone,
	"correction" text,
	"lessons_learned" text,
	"resolved_at" timestamp with time zone,
	"model_review_requested_at" timestamp with time zone,
	"public_title" text,
	"public_summary" text,
	"public_correction" text,
	"public_lessons" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accountability_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "accountability_spent_challenges" (
	"digest" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transparency_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participation_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"capacity" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transparency_participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"use_case_id" uuid NOT NULL,
	"invitation" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"opened_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transparency_risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"use_case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"questionnaire_version" text NOT NULL,
	"answers" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"risk_class" text NOT NULL,
	"blocks_go_live" boolean NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transparency_use_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"language" text DEFAULT 'de' NOT NULL,
	"name" text NOT NULL,
	"summary" text NOT NULL,
	"department" text,
	"policy_areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"purpose" text NOT NULL,
	"affected_people" jsonb NOT NULL,
	"models" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"technical_description" text DEFAULT '' NOT NULL,
	"data_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data_description" text DEFAULT '' NOT NULL,
	"human_oversight" text DEFAULT '' NOT NULL,
	"fundamental_rights_impact" text DEFAULT '' NOT NULL,
	"risk_management" text DEFAULT '' NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"legal_basis_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"responsible_person" jsonb NOT NULL,
	"contact" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"impactful" boolean DEFAULT false NOT NULL,
	"started_on" date,
	"retired_on" date,
	"evaluations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"incidents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evaluation_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"incident_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"public_page_url" text,
	"source_code_url" text,
	"processing_record_url" text,
	"internal_notes" text DEFAULT '' NOT NULL,
	"visibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"risk_class" text,
	"risk_version" integer,
	"questionnaire_version" text,
	"assessed_at" timestamp with time zone,
	"blocks_go_live" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transparency_use_cases_live_needs_clear_assessment" CHECK ("transparency_use_cases"."status" not in ('pilot', 'in_use') or ("transparency_use_cases"."risk_class" is not null and not "transparency_use_cases"."blocks_go_live"))
);
--> statement-breakpoint
CREATE TABLE "knowledge_chunks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"collection_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"section" text,
	"page_start" integer,
	"page_end" integer,
	"text" text NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german', coalesce(section, '')), 'A') || setweight(to_tsvector('german', text), 'B')) STORED NOT NULL,
	"embedding_model" text,
	"embedding_dims" integer,
	"embedding" real[],
	"embedding_norm" real
);
--> statement-breakpoint
CREATE TABLE "knowledge_collections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"owner" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"embedding_model" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"filename" text NOT NULL,
	"format" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"error" text,
	"job_id" uuid,
	"page_count" integer,
	"chunk_count" integer DEFAULT 0 NOT NULL,
	"embedding_model" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ingested_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "structuring_clusters" (
	"run_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"keywords" text[] NOT NULL,
	"count" integer NOT NULL,
	"quotes" jsonb NOT NULL,
	"summarised_by" text,
	CONSTRAINT "structuring_clusters_run_id_ordinal_pk" PRIMARY KEY("run_id","ordinal")
);
--> statement-breakpoint
CREATE TABLE "structuring_items" (
	"run_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"source_id" text NOT NULL,
	"text" text NOT NULL,
	"embedding" real[],
	"cluster" integer,
	CONSTRAINT "structuring_items_run_id_ordinal_pk" PRIMARY KEY("run_id","ordinal")
);
--> statement-breakpoint
CREATE TABLE "structuring_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"owner" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"job_id" uuid,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"item_count" integer DEFAULT 0 NOT NULL,
	"cluster_count" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_deployments" ADD CONSTRAINT "registry_deployments_model_id_registry_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registry_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_deployments" ADD CONSTRAINT "registry_deployments_provider_id_registry_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."registry_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_fallbacks" ADD CONSTRAINT "registry_fallbacks_model_id_registry_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registry_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_fallbacks" ADD CONSTRAINT "registry_fallbacks_fallback_model_id_registry_models_id_fk" FOREIGN KEY ("fallback_model_id") REFERENCES "public"."registry_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_category_scores" ADD CONSTRAINT "evaluation_category_scores_run_id_evaluation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."evaluation_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_item_results" ADD CONSTRAINT "evaluation_item_results_run_id_evaluation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."evaluation_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_run_id_evaluation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."evaluation_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_run_items" ADD CONSTRAINT "evaluation_run_items_run_id_evaluation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."evaluation_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provenance_media_usages" ADD CONSTRAINT "provenance_media_usages_media_id_provenance_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."provenance_media"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_messages" ADD CONSTRAINT "workspace_messages_conversation_id_workspace_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."workspace_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_complaint_events" ADD CONSTRAINT "accountability_complaint_events_complaint_id_accountability_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."accountability_complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_incident_actions" ADD CONSTRAINT "accountability_incident_actions_incident_id_accountability_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."accountability_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_incident_events" ADD CONSTRAINT "accountability_incident_events_incident_id_accountability_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."accountability_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transparency_comments" ADD CONSTRAINT "transparency_comments_participation_id_transparency_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."transparency_participations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transparency_comments" ADD CONSTRAINT "transparency_comments_parent_id_transparency_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."transparency_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transparency_participations" ADD CONSTRAINT "transparency_participations_use_case_id_transparency_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."transparency_use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transparency_risk_assessments" ADD CONSTRAINT "transparency_risk_assessments_use_case_id_transparency_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."transparency_use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_chunks" ADD CONSTRAINT "knowledge_chunks_document_id_knowledge_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."knowledge_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_documents" ADD CONSTRAINT "knowledge_documents_collection_id_knowledge_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."knowledge_collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structuring_clusters" ADD CONSTRAINT "structuring_clusters_run_id_structuring_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."structuring_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structuring_items" ADD CONSTRAINT "structuring_items_run_id_structuring_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."structuring_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_org_idx" ON "api_keys" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "memberships_org_idx" ON "memberships" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_slug_key" ON "organisations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "organisations_parent_idx" ON "organisations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expiry_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_key" ON "users" USING btree ("oidc_issuer","oidc_subject");--> statement-breakpoint
CREATE INDEX "audit_log_org_idx" ON "audit_log" USING btree ("org_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "registry_history_entity_idx" ON "registry_history" USING btree ("entity_type","entity_id","seq");--> statement-breakpoint
CREATE INDEX "registry_models_status_idx" ON "registry_models" USING btree ("status");--> statement-breakpoint
CREATE INDEX "registry_org_rules_org_idx" ON "registry_org_rules" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "usage_org_time_idx" ON "usage_records" USING btree ("org_id","occurred_at");--> statement-breakpoint
CREATE INDEX "usage_user_time_idx" ON "usage_records" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "usage_model_time_idx" ON "usage_records" USING btree ("model_id","occurred_at");--> statement-breakpoint
CREATE INDEX "usage_provenance_idx" ON "usage_records" USING btree ("provenance_id");--> statement-breakpoint
CREATE INDEX "jobs_claim_idx" ON "jobs" USING btree ("status","run_after");--> statement-breakpoint
CREATE INDEX "jobs_org_idx" ON "jobs" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "workflow_actions_case_idx" ON "workflow_actions" USING btree ("case_id","proposed_at");--> statement-breakpoint
CREATE INDEX "workflow_case_events_case_idx" ON "workflow_case_events" USING btree ("case_id","occurred_at");--> statement-breakpoint
CREATE INDEX "workflow_cases_org_idx" ON "workflow_cases" USING btree ("org_id","submitted_at");--> statement-breakpoint
CREATE INDEX "workflow_cases_status_idx" ON "workflow_cases" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "evaluation_item_results_category_idx" ON "evaluation_item_results" USING btree ("run_id","category");--> statement-breakpoint
CREATE INDEX "evaluation_runs_model_idx" ON "evaluation_runs" USING btree ("model_id","created_at");--> statement-breakpoint
CREATE INDEX "evaluation_runs_status_idx" ON "evaluation_runs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "provenance_disclosures_org_idx" ON "provenance_disclosures" USING btree ("org_id","published_at");--> statement-breakpoint
CREATE INDEX "provenance_images_org_idx" ON "provenance_images" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "provenance_images_labelled_idx" ON "provenance_images" USING btree ("labelled_sha256");--> statement-breakpoint
CREATE INDEX "provenance_images_original_idx" ON "provenance_images" USING btree ("original_sha256");--> statement-breakpoint
CREATE INDEX "provenance_media_org_idx" ON "provenance_media" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "provenance_media_usages_media_idx" ON "provenance_media_usages" USING btree ("media_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_assistants_starter_idx" ON "workspace_assistants" USING btree ("org_id","starter_key");--> statement-breakpoint
CREATE INDEX "workspace_assistants_org_idx" ON "workspace_assistants" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "workspace_conversations_user_idx" ON "workspace_conversations" USING btree ("user_id","updated_at");--> statement-breakpoint
CREATE INDEX "workspace_conversations_org_idx" ON "workspace_conversations" USING btree ("org_id","updated_at");--> statement-breakpoint
CREATE INDEX "workspace_conversations_title_fts" ON "workspace_conversations" USING gin (to_tsvector('german', "title"));--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_messages_position_idx" ON "workspace_messages" USING btree ("conversation_id","position");--> statement-breakpoint
CREATE INDEX "workspace_messages_content_fts" ON "workspace_messages" USING gin (to_tsvector('german', "content"));--> statement-breakpoint
CREATE INDEX "accountability_attachments_owner_idx" ON "accountability_attachments" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "accountability_complaint_events_complaint_idx" ON "accountability_complaint_events" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "accountability_complaints_case_key" ON "accountability_complaints" USING btree ("case_number");--> statement-breakpoint
CREATE UNIQUE INDEX "accountability_complaints_token_key" ON "accountability_complaints" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "accountability_complaints_org_idx" ON "accountability_complaints" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "accountability_exceptions_number_key" ON "accountability_exceptions" USING btree ("number");--> statement-breakpoint
CREATE INDEX "accountability_exceptions_org_idx" ON "accountability_exceptions" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "accountability_exceptions_model_idx" ON "accountability_exceptions" USING btree ("model_id","status");--> statement-breakpoint
CREATE INDEX "accountability_incident_actions_incident_idx" ON "accountability_incident_actions" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "accountability_incident_actions_due_idx" ON "accountability_incident_actions" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "accountability_incident_events_incident_idx" ON "accountability_incident_events" USING btree ("incident_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "accountability_incidents_number_key" ON "accountability_incidents" USING btree ("number");--> statement-breakpoint
CREATE INDEX "accountability_incidents_org_idx" ON "accountability_incidents" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "accountability_incidents_published_idx" ON "accountability_incidents" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "accountability_notifications_user_idx" ON "accountability_notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "transparency_comments_participation_idx" ON "transparency_comments" USING btree ("participation_id");--> statement-breakpoint
CREATE INDEX "transparency_participations_use_case_idx" ON "transparency_participations" USING btree ("use_case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transparency_risk_assessments_version_key" ON "transparency_risk_assessments" USING btree ("use_case_id","version");--> statement-breakpoint
CREATE INDEX "transparency_use_cases_org_idx" ON "transparency_use_cases" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "knowledge_chunks_document_idx" ON "knowledge_chunks" USING btree ("document_id","ordinal");--> statement-breakpoint
CREATE INDEX "knowledge_chunks_collection_idx" ON "knowledge_chunks" USING btree ("collection_id");--> statement-breakpoint
CREATE INDEX "knowledge_chunks_tsv_idx" ON "knowledge_chunks" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "knowledge_collections_org_idx" ON "knowledge_collections" USING btree ("org_id","owner");--> statement-breakpoint
CREATE INDEX "knowledge_documents_collection_idx" ON "knowledge_documents" USING btree ("collection_id","created_at");--> statement-breakpoint
CREATE INDEX "structuring_runs_owner_idx" ON "structuring_runs" USING btree ("org_id","owner","created_at");