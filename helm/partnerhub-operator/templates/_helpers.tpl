{{/* The chart's name, and the release's full name (the names of its objects). */}}
{{- define "partnerhub.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "partnerhub.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "partnerhub.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "partnerhub.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: partnerhub
{{- end }}

{{/* The labels of every pod of the release (the Service selects them all: each serves its metrics). */}}
{{- define "partnerhub.selectorLabels" -}}
app.kubernetes.io/name: {{ include "partnerhub.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The labels that select one Deployment's pods: the main one's, or a shard's. Called with root and shard. */}}
{{- define "partnerhub.deploymentSelector" -}}
{{ include "partnerhub.selectorLabels" .root }}
{{- if .shard }}
app.kubernetes.io/component: shard
partnerhub.dev/operator-shard: {{ .shard | quote }}
{{- else }}
app.kubernetes.io/component: operator
{{- end }}
{{- end }}

{{- define "partnerhub.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "partnerhub.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name: name an existing service account when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "partnerhub.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* The namespaces the controllers watch, as the Java Operator SDK takes them. */}}
{{- define "partnerhub.watched" -}}
{{- if .Values.watchNamespaces }}{{ join "," .Values.watchNamespaces }}{{ else }}JOSDK_ALL_NAMESPACES{{ end }}
{{- end }}

{{/*
  The operator's pod template. Called with a dict: root (the chart's context), shard (a shard's name, or "" for the
  main Deployment), count (how many Deployments share the connections' budgets).
*/}}
{{- define "partnerhub.podTemplate" -}}
{{- $root := .root }}
{{- $values := $root.Values }}
metadata:
  annotations:
    prometheus.io/scrape: "true"
    prometheus.io/path: /q/metrics
    prometheus.io/port: {{ $values.port | quote }}
    {{- with $values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  labels:
    {{- include "partnerhub.deploymentSelector" . | nindent 4 }}
    {{- with $values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "partnerhub.serviceAccountName" $root }}
  {{- with $values.image.pullSecrets }}
  imagePullSecrets:
    {{- range . }}
    - name: {{ . }}
    {{- end }}
  {{- end }}
  {{- with $values.podSecurityContext }}
  securityContext:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- if $values.hostNetwork }}
  hostNetwork: true
  dnsPolicy: ClusterFirstWithHostNet
  {{- end }}
  {{- with $values.priorityClassName }}
  priorityClassName: {{ . }}
  {{- end }}
  terminationGracePeriodSeconds: {{ $values.terminationGracePeriodSeconds }}
  containers:
    - name: operator
      image: {{ include "partnerhub.image" $root }}
      imagePullPolicy: {{ $values.image.pullPolicy }}
      env:
        - name: JDK_JAVA_OPTIONS
          value: {{ $values.javaOptions | quote }}
        - name: QUARKUS_HTTP_PORT
          value: {{ $values.port | quote }}
        - name: QUARKUS_LOG_LEVEL
          value: {{ $values.logLevel | quote }}
        - name: QUARKUS_LOG_CONSOLE_JSON_ENABLED
          value: {{ eq $values.logFormat "json" | quote }}
        - name: PARTNERHUB_METRICS_PER_CUSTOMER
          value: {{ $values.metrics.perCustomer | quote }}
        - name: PARTNERHUB_LEADER_ELECTION_NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        - name: PARTNERHUB_LEADER_ELECTION_IDENTITY
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: PARTNERHUB_LEADER_ELECTION_LEASE_NAME
          value: {{ include "partnerhub.fullname" $root }}{{ with .shard }}-{{ . }}{{ end }}
        - name: PARTNERHUB_SHARD_COUNT
          value: {{ .count | quote }}
        - name: PARTNERHUB_SHARD_SELECTOR
          value: {{ if .shard }}{{ printf "partnerhub.dev/shard=%s" .shard | quote }}{{ else if $values.shards }}"!partnerhub.dev/shard"{{ else }}""{{ end }}
        {{- if .shard }}
        - name: PARTNERHUB_SHARD_CONNECTIONS
          value: "false"
        {{- end }}
        {{- range list "PARTNERCONNECTION" "CUSTOMER" "CUSTOMERUSER" "LICENSEASSIGNMENT" }}
        - name: QUARKUS_OPERATOR_SDK_CONTROLLERS_{{ . }}_NAMESPACES
          value: {{ include "partnerhub.watched" $root | quote }}
        {{- end }}
        {{- range $values.extraEnv }}
        - name: {{ .name }}
          {{- if hasKey . "value" }}
          {{- /* A number or a boolean given with --set is still the string an EnvVar holds. */}}
          value: {{ .value | toString | quote }}
          {{- else }}
          {{- omit . "name" | toYaml | nindent 10 }}
          {{- end }}
        {{- end }}
      ports:
        - name: http
          containerPort: {{ $values.port }}
          protocol: TCP
      startupProbe:
        httpGet:
          path: /q/health/started
          port: http
        periodSeconds: 2
        failureThreshold: 60
      livenessProbe:
        httpGet:
          path: /q/health/live
          port: http
        periodSeconds: 10
        timeoutSeconds: 5
        failureThreshold: 3
      readinessProbe:
        httpGet:
          path: /q/health/ready
          port: http
        periodSeconds: 10
        timeoutSeconds: 5
        failureThreshold: 3
      {{- with $values.resources }}
      resources:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.securityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        {{- with $values.extraVolumeMounts }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: 64Mi
    {{- with $values.extraVolumes }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with $values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.topologySpreadConstraints }}
  topologySpreadConstraints:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
