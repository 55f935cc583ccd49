{{/* Chart name, truncated to the 63 characters Kubernetes names allow. */}}
{{- define "rc-gateway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-scoped name; the sidecar service appends "-sidecar", so keep room for it. */}}
{{- define "rc-gateway.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 55 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 55 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 55 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "rc-gateway.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "rc-gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rc-gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "rc-gateway.labels" -}}
helm.sh/chart: {{ include "rc-gateway.chart" . }}
{{ include "rc-gateway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: rc-gateway
{{- end }}

{{/*
The `helm test` pod's labels: not the Deployment's selector, so that its ReplicaSet never
adopts the pod and no Service or PodDisruptionBudget counts it.
*/}}
{{- define "rc-gateway.testSelectorLabels" -}}
app.kubernetes.io/name: {{ include "rc-gateway.name" . }}-test
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "rc-gateway.sidecarName" -}}
{{- printf "%s-sidecar" (include "rc-gateway.fullname" .) }}
{{- end }}

{{- define "rc-gateway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "rc-gateway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "rc-gateway.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/* Name of the Secret with the RingCentral credentials: the chart's own with rc.createSecret. */}}
{{- define "rc-gateway.rcSecretName" -}}
{{- if .Values.rc.createSecret }}
{{- printf "%s-ringcentral" (include "rc-gateway.fullname" .) }}
{{- else }}
{{- .Values.rc.existingSecret }}
{{- end }}
{{- end }}

{{/* The largest number of pods that can run at once. */}}
{{- define "rc-gateway.maxReplicas" -}}
{{- if .Values.autoscaling.enabled }}
{{- .Values.autoscaling.maxReplicas }}
{{- else }}
{{- .Values.replicaCount }}
{{- end }}
{{- end }}

{{/* WEBHOOK_PUBLIC_URL: the explicit value, else derived from the ingress host. */}}
{{- define "rc-gateway.webhookPublicUrl" -}}
{{- if .Values.webhook.publicUrl }}
{{- .Values.webhook.publicUrl }}
{{- else if and .Values.ingress.enabled .Values.ingress.host }}
{{- printf "%s://%s/api/webhooks/events" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host }}
{{- end }}
{{- end }}

{{/*
Settings the chart derives from other values. They go into the ConfigMap with `config`, and
`config` may not repeat them.
*/}}
{{- define "rc-gateway.managedConfig" -}}
GRPC_ADDR: {{ printf "0.0.0.0:%d" (int .Values.ports.grpc) | quote }}
HTTP_ADDR: {{ printf "0.0.0.0:%d" (int .Values.ports.http) | quote }}
SIDECAR_ADDR: {{ printf "0.0.0.0:%d" (int .Values.ports.sidecar) | quote }}
DATA_DIR: "/var/lib/rc-gateway"
SHUTDOWN_GRACE_PERIOD: {{ printf "%ds" (int .Values.shutdownGracePeriodSeconds) | quote }}
RC_SERVER_URL: {{ .Values.rc.serverUrl | quote }}
{{- with include "rc-gateway.webhookPublicUrl" . }}
WEBHOOK_PUBLIC_URL: {{ . | quote }}
{{- end }}
{{- end }}

{{/* Refuses values that would deploy a broken or unsafe gateway. */}}
{{- define "rc-gateway.validate" -}}
{{- $max := int (include "rc-gateway.maxReplicas" .) }}
{{- if and (gt $max 1) (not .Values.redis.existingSecret) }}
{{- fail (printf "\n\nrc-gateway: up to %d replicas would run (replicaCount / autoscaling.maxReplicas) but no Redis is configured.\nReplicas share the RingCentral rate budget, cache, OAuth token and event log through Redis: without it each one would spend the whole rate budget on its own and trigger RingCentral 429 penalties.\nSet redis.existingSecret to a Secret holding the Redis URL under the key %q (redis.existingSecretKey), or run a single replica." $max .Values.redis.existingSecretKey) }}
{{- end }}
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- fail (printf "\n\nrc-gateway: autoscaling.minReplicas (%d) exceeds autoscaling.maxReplicas (%d)." (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- end }}
{{- if and (not .Values.sandbox.enabled) (not .Values.rc.existingSecret) (not .Values.rc.createSecret) }}
{{- fail "\n\nrc-gateway: RingCentral credentials are missing.\nSet rc.existingSecret to a Secret with the keys RC_CLIENT_ID, RC_CLIENT_SECRET and RC_JWT, or set sandbox.enabled=true to try the chart against the built-in RingCentral sandbox." }}
{{- end }}
{{- if and .Values.rc.createSecret (not .Values.sandbox.enabled) (or (not .Values.rc.clientId) (not .Values.rc.clientSecret) (not .Values.rc.jwt)) }}
{{- fail "\n\nrc-gateway: rc.createSecret needs rc.clientId, rc.clientSecret and rc.jwt." }}
{{- end }}
{{- if le (int .Values.terminationGracePeriodSeconds) (add .Values.shutdownGracePeriodSeconds .Values.preStopSleepSeconds | int) }}
{{- fail (printf "\n\nrc-gateway: terminationGracePeriodSeconds (%d) must exceed shutdownGracePeriodSeconds + preStopSleepSeconds (%d), or Kubernetes kills the gateway while it drains calls." (int .Values.terminationGracePeriodSeconds) (add .Values.shutdownGracePeriodSeconds .Values.preStopSleepSeconds | int)) }}
{{- end }}
{{- if and .Values.persistence.enabled (gt $max 1) }}
{{- fail "\n\nrc-gateway: persistence.enabled keeps the embedded event log on one ReadWriteOnce volume, which only a single replica can use. With several replicas the event log lives in Redis: leave persistence off." }}
{{- end }}
{{- range $key, $_ := include "rc-gateway.managedConfig" . | fromYaml }}
{{- if hasKey $.Values.config $key }}
{{- fail (printf "\n\nrc-gateway: config.%s is set by the chart (from ports, shutdownGracePeriodSeconds, rc.serverUrl or webhook.publicUrl); set it there instead." $key) }}
{{- end }}
{{- end }}
{{- range $key := list "RC_CLIENT_ID" "RC_CLIENT_SECRET" "RC_JWT" "REDIS_URL" "WEBHOOK_HMAC_SECRET" "AUTH_API_KEYS" }}
{{- if hasKey $.Values.config $key }}
{{- fail (printf "\n\nrc-gateway: %s is a secret and may not be put in config (a ConfigMap); use rc.existingSecret, redis.existingSecret or existingSecret." $key) }}
{{- end }}
{{- end }}
{{- if and .Values.ingress.enabled (not .Values.ingress.host) }}
{{- fail "\n\nrc-gateway: ingress.enabled needs ingress.host (the public host RingCentral delivers webhooks to)." }}
{{- end }}
{{- end }}
